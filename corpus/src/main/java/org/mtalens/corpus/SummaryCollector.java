package org.mtalens.corpus;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mtalens.runtime.corpus.CorpusSummary;
import org.mtalens.runtime.corpus.TopCell;

/** Brings the small results to the driver as {@code summary.json}'s record. */
final class SummaryCollector {
    private final CorpusRun run;
    private final int layers;
    private final int heads;
    private final long documents;

    SummaryCollector(CorpusRun run, int layers, int heads, long documents) {
        this.run = run;
        this.layers = layers;
        this.heads = heads;
        this.documents = documents;
    }

    CorpusSummary collect(Dataset<OutcomeRow> outcomes, Dataset<Row> distributions, Dataset<Row> cells, Dataset<Row> failures) {
        List<CorpusSummary.HeadDistribution> heads = distributions.collectAsList().stream().map(SummaryCollector::distribution).toList();
        List<TopCell> topCells = cells.collectAsList().stream().map(SummaryCollector::cell).toList();
        Object[] ids = topCells.stream().map(TopCell::document).distinct().toArray();
        List<CorpusSummary.CellDocument> cellDocuments = ids.length == 0 ? List.of()
                : outcomes.filter(col("id").isin(ids)).orderBy("id").collectAsList().stream()
                        .map(o -> new CorpusSummary.CellDocument(o.getId(), o.getTokens(), o.getLabels())).toList();
        long failed = failures.count();
        List<CorpusSummary.FailedDocument> listed = failures.limit(CorpusSummary.MAX_FAILURES_LISTED).collectAsList().stream()
                .map(r -> new CorpusSummary.FailedDocument(r.getString(0), r.getString(1))).toList();
        return new CorpusSummary(CorpusSummary.VERSION, run.checkpoint(), run.input(), documents, failed, layers, this.heads,
                run.topK(), CorpusSummary.QUANTILES, heads, topCells, cellDocuments, listed);
    }

    private static CorpusSummary.HeadDistribution distribution(Row r) {
        List<Double> quantiles = new ArrayList<>();
        if (r.isNullAt(r.fieldIndex("quantiles"))) {
            CorpusSummary.QUANTILES.forEach(q -> quantiles.add(Double.NaN));
        } else {
            r.<Double>getList(r.fieldIndex("quantiles")).forEach(q -> quantiles.add(q == null ? Double.NaN : q));
        }
        return new CorpusSummary.HeadDistribution(r.getAs("statistic"), r.<Integer>getAs("layer"), r.<Integer>getAs("head"),
                r.<Long>getAs("count"), orNaN(r, "mean"), orNaN(r, "std"), quantiles);
    }

    private static TopCell cell(Row r) {
        return new TopCell(r.getAs("document"), r.<Integer>getAs("layer"), r.<Integer>getAs("head"), r.<Integer>getAs("query"),
                r.<Integer>getAs("key"), r.<Double>getAs("plain"), r.<Double>getAs("final_weight"), r.getAs("query_context"),
                r.getAs("key_context"));
    }

    private static double orNaN(Row r, String field) {
        int i = r.fieldIndex(field);
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }
}
