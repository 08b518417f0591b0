package org.mtalens.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.analysis.AttentionChange;
import org.mtalens.runtime.analysis.HeadChange;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.corpus.CorpusDocument;
import org.mtalens.runtime.corpus.CorpusSummary;
import org.mtalens.runtime.corpus.CorpusWorker;
import org.mtalens.runtime.corpus.HeadStatistics;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.PassProgress;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.TraceRequest;
import org.mtalens.samples.FindBlockGenerator;
import org.mtalens.samples.SampleCheckpoints;

/** One small corpus on the bundled find-the-block model, in Spark's local mode with two workers and with one. */
class CorpusJobTest {
    @TempDir
    Path dir;

    @Test
    void theTablesHoldEveryDocumentsHeadsTheirDistributionsTopCellsAndTheFailedDocumentInAnyPartitioning() throws Exception {
        Path checkpoint = SampleCheckpoints.findBlockMta();
        FindBlockGenerator generator = new FindBlockGenerator(SampleCheckpoints.task(checkpoint), 5);
        List<String> lines = new ArrayList<>();
        List<int[]> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tokens.add(generator.next().tokens());
            lines.add("{\"id\": \"fb" + i + "\", \"tokens\": " + Arrays.toString(tokens.get(i)) + "}");
        }
        lines.add("{\"id\": \"text\", \"text\": \"abc.def.ghi#ae\"}");
        lines.add("{\"id\": \"bad\", \"tokens\": [1, 2, 999]}");
        Path input = dir.resolve("corpus.jsonl");
        Files.write(input, lines);
        Path out = dir.resolve("out");

        StringWriter err = new StringWriter();
        assertThat(run(err, checkpoint.toString(), "--input", input.toString(), "--out", out.toString(), "--master", "local[2]",
                "--top-k", "3", "--partitions", "3")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("documents 6/6 (100.0%)");

        Path single = dir.resolve("single");
        assertThat(run(new StringWriter(), checkpoint.toString(), "--input", input.toString(), "--out", single.toString(),
                "--master", "local[1]", "--top-k", "3", "--partitions", "1")).isZero();

        CorpusSummary summary = CorpusSummary.read(out.resolve(CorpusSummary.FILE));
        CorpusSummary one = CorpusSummary.read(single.resolve(CorpusSummary.FILE));
        assertThat(one.topCells()).as("local[1], one partition: the same top cells").isEqualTo(summary.topCells());
        assertThat(one.failures()).isEqualTo(summary.failures());
        for (int i = 0; i < summary.distributions().size(); i++) {
            CorpusSummary.HeadDistribution a = summary.distributions().get(i);
            CorpusSummary.HeadDistribution b = one.distributions().get(i);
            assertThat(b.quantiles()).isEqualTo(a.quantiles());
            assertThat(b.count()).isEqualTo(a.count());
            if (a.count() > 0) {
                assertThat(b.mean()).as("mean of %s, a sum in another order", a.statistic()).isCloseTo(a.mean(), within(1e-12));
            }
        }
        assertThat(summary.documents()).isEqualTo(6);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("bad");
            assertThat(f.reason()).contains("999").contains("outside the vocabulary");
        });
        HeadStatistics direct = direct(checkpoint, tokens.get(2), 1, 0);
        try (SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate()) {
            List<Row> statistics = spark.read().parquet(out.resolve("statistics").toString()).collectAsList();
            assertThat(spark.read().parquet(single.resolve("statistics").toString()).collectAsList())
                    .as("the same rows in the same order from one partition").isEqualTo(statistics);
            assertThat(statistics).as("5 documents x 2 layers x 2 heads").hasSize(20);
            Row fb2 = statistics.stream().filter(r -> r.getAs("document").equals("fb2") && r.<Integer>getAs("layer") == 1
                    && r.<Integer>getAs("head") == 0).findFirst().orElseThrow();
            assertThat(fb2.<Double>getAs("mta_change")).isCloseTo(direct.mtaChange(), within(1e-9));
            assertThat(fb2.<Double>getAs("softmax_entropy")).isCloseTo(direct.softmaxEntropy(), within(1e-9));
            assertThat(fb2.<Double>getAs("sink_mass")).isCloseTo(direct.sinkMass(), within(1e-9));

            double[] changes = statistics.stream().filter(r -> r.<Integer>getAs("layer") == 1 && r.<Integer>getAs("head") == 0)
                    .mapToDouble(r -> r.<Double>getAs("mta_change")).sorted().toArray();
            CorpusSummary.HeadDistribution distribution = summary.distribution(
                    org.mtalens.runtime.corpus.Statistic.MTA_CHANGE, 1, 0).orElseThrow();
            assertThat(distribution.count()).isEqualTo(5);
            assertThat(distribution.mean()).isCloseTo(Arrays.stream(changes).average().orElseThrow(), within(1e-12));
            assertThat(distribution.quantiles().get(2)).as("the median of 5 is the 3rd").isEqualTo(changes[2]);
            assertThat(summary.distribution(org.mtalens.runtime.corpus.Statistic.TARGET_MASS, 1, 0).orElseThrow().count())
                    .as("no find-the-block target in a JSONL corpus").isZero();

            List<Row> cells = spark.read().parquet(out.resolve("top_cells").toString()).collectAsList();
            assertThat(cells).as("3 per head").hasSize(2 * 2 * 3);
            assertThat(summary.topCells(1, 0)).hasSize(3);
            double[] sizes = summary.topCells(1, 0).stream().mapToDouble(c -> Math.abs(c.difference())).toArray();
            assertThat(sizes[0]).isGreaterThanOrEqualTo(sizes[1]);
            assertThat(summary.topCells(1, 0)).allSatisfy(c -> assertThat(summary.document(c.document())).isPresent());

            List<Row> failures = spark.read().parquet(out.resolve("failures").toString()).collectAsList();
            assertThat(failures).extracting(r -> r.getAs("document")).containsExactly("bad");
        }
    }

    @Test
    void aBadInputLineExitsTwoNamingTheLineWithoutStartingSpark() throws Exception {
        Path input = dir.resolve("broken.jsonl");
        Files.writeString(input, "{\"id\": \"a\", \"text\": \"abc\"}\n{\"id\": \"b\"}\n");
        StringWriter err = new StringWriter();
        assertThat(run(err, "sample", "--input", input.toString(), "--out", dir.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("broken.jsonl line 2").contains("'text'").doesNotContain("Exception");
    }

    /** @return one head's statistics computed on the document in this JVM, without Spark, beside the MTA change tab's */
    private static HeadStatistics direct(Path checkpoint, int[] tokens, int layer, int head) {
        try (CorpusWorker worker = new CorpusWorker(checkpoint, "cpu", 0, 0);
             ModelRunner runner = ModelRunner.load(CheckpointLoader.load(checkpoint), ai.djl.Device.cpu())) {
            HeadStatistics statistics = worker.run(CorpusDocument.ofTokens("fb2", tokens, null, "test"), () -> false).statistics()
                    .heads().stream().filter(h -> h.layer() == layer && h.head() == head).findFirst().orElseThrow();
            Trace trace = runner.trace(TraceRequest.of(tokens), PassProgress.NONE);
            HeadChange tab = AttentionChange.perHead(trace, layer, () -> false).get(head);
            assertThat(statistics.mtaChange()).as("the MTA change tab's figure").isEqualTo(tab.meanDivergence());
            return statistics;
        }
    }

    private static int run(StringWriter err, String... args) {
        picocli.CommandLine cli = new picocli.CommandLine(new CorpusCommand());
        cli.setErr(new PrintWriter(err, true));
        try {
            return CorpusMain.execute(cli, args);
        } finally {
            System.err.print(Arrays.stream(err.toString().split("\n")).collect(Collectors.joining("\n", "", "\n")));
        }
    }
}
