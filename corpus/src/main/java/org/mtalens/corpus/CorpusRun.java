package org.mtalens.corpus;

/**
 * What one corpus job runs.
 *
 * @param checkpoint the checkpoint's path as given (every executor must be able to read it), or {@code sample}
 * @param input      what the documents are, for {@code summary.json}
 * @param out        the output folder (a local path or a Hadoop URI)
 * @param master     the Spark master, or null when spark-submit set it
 * @param topK       top cells per head
 * @param maxTokens  longest document (longer ones fail); 0 for the model's max_seqlen
 * @param device     cpu, gpu or auto
 * @param partitions partitions to split the documents into; 0 chooses
 */
public record CorpusRun(String checkpoint, String input, String out, String master, int topK, int maxTokens, String device,
                        int partitions) {
}
