package org.mtalens.corpus;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.corpus.CorpusDocument;
import org.mtalens.runtime.corpus.CorpusInput;
import org.mtalens.runtime.corpus.CorpusSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mta-lens corpus}: statistics of every head over a corpus, on Spark (local mode by default). */
@Command(name = "mta-lens corpus", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Statistics of every layer and head over a corpus (MTA change, entropies, distance, sink, negative"
                + " weight, target mass) and each head's top cells, on Apache Spark: local mode in this JVM by default,"
                + " or a cluster (--master URL, or spark-submit of the -Pcluster jar).",
            "Writes Parquet tables statistics/, top_cells/, failures/, distributions/ and summary.json (File > Open corpus"
                + " statistics... in the app) under --out. A document that fails is a row of failures/, not a failed job."})
public final class CorpusCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "checkpoint folder or file (every executor must read"
            + " the same path), or 'sample' for the bundled find-the-block MTA model")
    String checkpoint;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Documents documents;

    static final class Documents {
        @Option(names = "--input", paramLabel = "FILE|DIR", description = "JSONL file, or a folder of *.jsonl: one"
                + " {\"id\":..., \"text\":...} or {\"id\":..., \"tokens\":[...]} per line")
        Path input;

        @Option(names = "--findblock", paramLabel = "N", description = "N fresh instances of the toy checkpoint's find-the-block task")
        Integer findBlock;
    }

    @Option(names = "--seed", defaultValue = "0", description = "seed of the --findblock instances (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (new or empty; a Hadoop URI on a cluster)")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]; spark-submit's when run by it)")
    String master;

    @Option(names = "--top-k", defaultValue = "20", description = "top cells per head (default ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--max-T", defaultValue = "0", paramLabel = "N", description = "longest document in tokens; longer ones"
            + " fail (default: the model's max_seqlen)")
    int maxTokens;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or auto, on every executor (default ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "partitions of the documents, each loading the checkpoint once (default: 4 per core, or one per 200 documents when more)")
    int partitions;

    @Override
    public Integer call() {
        if (topK < 0 || maxTokens < 0 || partitions < 0) {
            throw new InvalidInputException("--top-k, --max-T and --partitions must be >= 0");
        }
        Path checkpointPath = CorpusInputs.checkpoint(checkpoint);
        ModelConfig config = CheckpointLoader.load(checkpointPath).config();
        List<CorpusDocument> corpus = documents.input != null ? CorpusInput.read(documents.input)
                : CorpusInputs.findBlock(checkpointPath, documents.findBlock, seed);
        if (corpus.isEmpty()) {
            throw new InvalidInputException("--input " + ShownName.of(documents.input) + " holds no document");
        }
        checkOutput();
        String input = documents.input != null ? documents.input.toString() : "findblock " + documents.findBlock + " seed " + seed;
        String shownCheckpoint = CorpusInputs.SAMPLE.equals(checkpoint) ? checkpoint : checkpointPath.toAbsolutePath().toString();
        CorpusRun run = new CorpusRun(shownCheckpoint, input, out, master, topK, maxTokens, device, partitions);
        PrintWriter err = spec.commandLine().getErr();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopping.set(true);
            err.println("mta-lens corpus: stopping (Ctrl-C); the output folder is incomplete");
            err.flush();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try (SparkSession spark = Sessions.start(master)) {
            ProgressLine progress = new ProgressLine(corpus.size(), err);
            CorpusSummary summary = new CorpusJob(spark).run(run, corpus, config.nLayers(), config.nHeads(), progress);
            SummaryFiles.write(spark, summary, out);
            err.printf("mta-lens corpus: %d documents, %d failed; tables and %s in %s%n", summary.documents(), summary.failed(),
                    CorpusSummary.FILE, ShownName.of(out));
            err.flush();
            return 0;
        } catch (RuntimeException e) {
            if (stopping.get()) {
                return 130;
            }
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }

    /** A local --out must be new or empty (nothing is overwritten); a URI is checked by Spark's writers. */
    private void checkOutput() {
        if (out.contains("://")) {
            return;
        }
        Path folder = Path.of(out.startsWith("file:") ? out.substring("file:".length()) : out);
        try {
            if (Files.exists(folder) && (!Files.isDirectory(folder) || Files.list(folder).findAny().isPresent())) {
                throw new InvalidInputException("--out " + ShownName.of(folder) + " exists and is not an empty folder:"
                        + " choose a new one (nothing is overwritten)");
            }
        } catch (java.io.IOException e) {
            throw new InvalidInputException("cannot read --out " + ShownName.of(folder) + ": " + e.getMessage());
        }
    }
}
