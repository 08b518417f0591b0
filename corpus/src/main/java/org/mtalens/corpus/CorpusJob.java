package org.mtalens.corpus;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.mtalens.runtime.corpus.CorpusDocument;
import org.mtalens.runtime.corpus.CorpusSummary;

/**
 * The corpus job on Spark: the documents are split into partitions, each partition runs on one loaded checkpoint
 * ({@link RunPartition}), and the outcomes become the Parquet tables {@code statistics/} (document x layer x head),
 * {@code top_cells/} (per head its top-k cells over the corpus), {@code failures/} (document, reason),
 * {@code distributions/} (per statistic, layer and head: count, mean, std, quantiles), and {@code summary.json}.
 * Each table is written through Spark's output committer: a retried task writes the same rows, committed once.
 */
public final class CorpusJob {
    static final String STATISTICS = "statistics";
    static final String TOP_CELLS = "top_cells";
    static final String FAILURES = "failures";
    static final String DISTRIBUTIONS = "distributions";
    static final int DOCUMENTS_PER_PARTITION = 200;

    private static final String[] STATISTICS_COLUMNS = {"document", "layer", "head", "mtaChange", "clippedShare",
        "softmaxEntropy", "finalEntropy", "meanDistance", "sinkMass", "negativeShare", "targetMass"};
    private static final String[] CELL_COLUMNS = {"document", "layer", "head", "query", "key", "plain", "finalWeight",
        "difference", "queryContext", "keyContext"};

    private final SparkSession spark;

    public CorpusJob(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Runs the documents and writes the tables and {@code summary.json} under {@code run.out()}.
     *
     * @param layers   layers of the model
     * @param heads    heads per layer
     * @param progress told the documents done so far (on the driver, per finished partition)
     * @return the summary written
     */
    public CorpusSummary run(CorpusRun run, List<CorpusDocument> documents, int layers, int heads, LongConsumer progress) {
        LongAccumulator done = spark.sparkContext().longAccumulator("documents done");
        Dataset<OutcomeRow> outcomes = outcomes(run, documents, done).persist(StorageLevel.MEMORY_AND_DISK());
        try (ProgressReporter reporter = new ProgressReporter(done::value, progress)) {
            Dataset<Row> statistics = outcomes.filter(col("failure").isNull())
                    .select(col("id").as("document"), explode(col("heads")).as("h")).select(col("document"), col("h.*"));
            statistics = statistics.select(StatisticsColumns.snakeCase(STATISTICS_COLUMNS));
            Dataset<Row> failures = outcomes.filter(col("failure").isNotNull()).select(col("id").as("document"),
                    col("failure").as("reason"));
            Dataset<Row> cells = topCells(outcomes, run.topK());
            write(statistics.orderBy("document", "layer", "head"), run.out(), STATISTICS);
            reporter.finish();
            write(failures.orderBy("document"), run.out(), FAILURES);
            write(cells, run.out(), TOP_CELLS);
            Dataset<Row> distributions = StatisticsColumns.distributions(spark, statistics);
            write(distributions, run.out(), DISTRIBUTIONS);
            return new SummaryCollector(run, layers, heads, documents.size()).collect(outcomes, distributions, cells, failures);
        } finally {
            outcomes.unpersist();
            LoadedCheckpoints.closeIdle(); // in local mode the workers are this JVM's; an executor's go with it
        }
    }

    private Dataset<OutcomeRow> outcomes(CorpusRun run, List<CorpusDocument> documents, LongAccumulator done) {
        List<DocumentRow> rows = new ArrayList<>(documents.size());
        documents.forEach(d -> rows.add(DocumentRow.of(d)));
        int partitions = run.partitions() > 0 ? run.partitions() : defaultPartitions(rows.size());
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Dataset<DocumentRow> input = spark.createDataset(context.parallelize(rows, partitions).rdd(), Encoders.bean(DocumentRow.class));
        return input.mapPartitions(new RunPartition(run.checkpoint(), run.device(), run.maxTokens(), run.topK(), done),
                Encoders.bean(OutcomeRow.class));
    }

    /**
     * @return 4 partitions per core, or one per {@value #DOCUMENTS_PER_PARTITION} documents when that is more (progress
     *         then moves in steps of at most 1/50 of a big corpus, and a retried task redoes little), never more than
     *         the documents
     */
    private int defaultPartitions(int documents) {
        int byCores = spark.sparkContext().defaultParallelism() * 4;
        int bySize = (documents + DOCUMENTS_PER_PARTITION - 1) / DOCUMENTS_PER_PARTITION;
        return Math.max(1, Math.min(documents, Math.max(byCores, bySize)));
    }

    /** @return per head its top-k cells over the corpus: largest |final - plain| first, ties by document, query, key */
    private static Dataset<Row> topCells(Dataset<OutcomeRow> outcomes, int topK) {
        Dataset<Row> all = outcomes.filter(col("failure").isNull())
                .select(col("id").as("document"), explode(col("cells")).as("c")).select(col("document"), col("c.*"));
        all = all.select(StatisticsColumns.snakeCase(CELL_COLUMNS));
        var best = Window.partitionBy("layer", "head").orderBy(abs(col("difference")).desc(), col("document"), col("query"),
                col("key"));
        return all.withColumn("rank", row_number().over(best)).filter(col("rank").leq(topK))
                .orderBy("layer", "head", "rank");
    }

    private static void write(Dataset<Row> table, String out, String name) {
        table.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(out + "/" + name);
    }
}
