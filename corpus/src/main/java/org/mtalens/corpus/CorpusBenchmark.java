package org.mtalens.corpus;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.corpus.CorpusDocument;
import org.mtalens.runtime.corpus.CorpusWorker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mta-lens bench corpus}: documents per second of the corpus job on fresh find-the-block instances of the
 * bundled sample (or random-token documents of a given length on another checkpoint), in a plain loop in this JVM (one checkpoint, one document at a time) and in Spark's local mode
 * at each master asked for; the engine's overhead is the local[1] time over the loop's. Spark's start and a first small
 * job (query compilation, JIT) are timed apart: they are paid once per run, not per document.
 */
@Command(name = "mta-lens bench corpus", mixinStandardHelpOptions = true, description = "Corpus job speed: plain loop vs Spark local mode")
public final class CorpusBenchmark implements Callable<Integer> {
    @Option(names = "--documents", defaultValue = "200", description = "find-the-block instances (default ${DEFAULT-VALUE})")
    int documents;

    @Option(names = "--masters", defaultValue = "local[1],local[2]", split = ",", description = "Spark masters (default ${DEFAULT-VALUE})")
    List<String> masters;

    @Option(names = "--top-k", defaultValue = "20")
    int topK;

    @Option(names = "--checkpoint", defaultValue = CorpusInputs.SAMPLE,
            description = "checkpoint (default: the bundled find-the-block sample); another one runs random token documents of --T tokens")
    String checkpointName;

    @Option(names = "--T", defaultValue = "512", description = "tokens of each random document on --checkpoint (default ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = "--warm-up", defaultValue = "8", description = "documents of the untimed first job on each master (default ${DEFAULT-VALUE})")
    int warmUp;

    public static void main(String[] args) {
        System.exit(CorpusMain.execute(new CommandLine(new CorpusBenchmark()), args));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = new PrintWriter(System.out, true);
        Path checkpoint = CorpusInputs.checkpoint(checkpointName);
        ModelConfig config = CheckpointLoader.load(checkpoint).config();
        boolean sample = CorpusInputs.SAMPLE.equals(checkpointName);
        List<CorpusDocument> corpus = sample ? CorpusInputs.findBlock(checkpoint, documents, 1)
                : randomDocuments(config.vocabSize(), documents, tokens);
        out.printf(Locale.ROOT, "%d %s documents of %d tokens, %d layers x %d heads, %d cores%n", documents,
                sample ? "find-the-block" : "random-token", corpus.get(0).tokens().length, config.nLayers(), config.nHeads(),
                Runtime.getRuntime().availableProcessors());
        double loop = loop(checkpoint, corpus, topK);
        out.printf(Locale.ROOT, "%-10s %s  %7.2f s%n", "loop", rate(documents, loop), loop);
        for (String master : masters) {
            Path dir = Files.createTempDirectory("mta-lens-bench-corpus-");
            long start = System.nanoTime();
            try (SparkSession spark = Sessions.start(master)) {
                double started = (System.nanoTime() - start) / 1e9;
                long w0 = System.nanoTime();
                job(spark, master, dir.resolve("warm-up"), corpus.subList(0, Math.min(warmUp, corpus.size())), config);
                double warmUpSeconds = (System.nanoTime() - w0) / 1e9;
                long t0 = System.nanoTime();
                job(spark, master, dir.resolve("out"), corpus, config);
                double seconds = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "%-10s %s  %7.2f s (before: %.1f s to start Spark, %.1f s for a %d-document"
                        + " warm-up job), %+.0f%% vs the loop%n", master, rate(documents, seconds), seconds, started, warmUpSeconds,
                        Math.min(warmUp, corpus.size()), 100 * (seconds - loop) / loop);
            }
        }
        return 0;
    }

    private void job(SparkSession spark, String master, Path out, List<CorpusDocument> corpus, ModelConfig config) {
        CorpusRun run = new CorpusRun(checkpointName, "bench", out.toString(), master, topK, 0, "cpu", 0);
        new CorpusJob(spark).run(run, corpus, config.nLayers(), config.nHeads(), done -> {
        });
    }

    /** @return documents per second, or seconds per document when that is under one */
    private static String rate(int documents, double seconds) {
        double perSecond = documents / seconds;
        return perSecond >= 1 ? String.format(Locale.ROOT, "%8.1f docs/s", perSecond)
                : String.format(Locale.ROOT, "%8.1f s/doc ", seconds / documents);
    }

    /** @return {@code count} documents of {@code tokens} random ids (seed 1): real-length inputs for a paper-shaped model */
    private static List<CorpusDocument> randomDocuments(int vocab, int count, int tokens) {
        java.util.Random random = new java.util.Random(1);
        List<CorpusDocument> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            documents.add(CorpusDocument.ofTokens("random-" + i, random.ints(tokens, 0, vocab).toArray(), null, "random #" + i));
        }
        return documents;
    }

    /** @return seconds to run every document one at a time on one loaded checkpoint (loading included) */
    private static double loop(Path checkpoint, List<CorpusDocument> corpus, int topK) {
        long t0 = System.nanoTime();
        List<Object> kept = new ArrayList<>();
        try (CorpusWorker worker = new CorpusWorker(checkpoint, "cpu", 0, topK)) {
            for (CorpusDocument document : corpus) {
                kept.add(worker.run(document, () -> false).statistics());
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
