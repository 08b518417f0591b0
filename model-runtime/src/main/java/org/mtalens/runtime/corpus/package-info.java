/**
 * Corpus statistics of attention heads: per document, layer and head, what MTA changed and how the head attends
 * ({@link org.mtalens.runtime.corpus.HeadStatistics}, streamed from a trace's rows by
 * {@link org.mtalens.runtime.corpus.DocumentStatistics}); the corpus input lines; and the {@code summary.json}
 * record ({@link org.mtalens.runtime.corpus.CorpusSummary}) that the app reads. The distributed job that runs these
 * over many documents lives in the {@code corpus} module (Spark); nothing here needs it.
 */
package org.mtalens.runtime.corpus;
