package org.mtalens.corpus;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mtalens.runtime.corpus.CorpusSummary;
import org.mtalens.runtime.corpus.Statistic;

/** The tables' column names (snake_case, as in {@code summary.json}) and the per-head distributions. */
final class StatisticsColumns {
    /** Accuracy of {@code percentile_approx}: exact below this many documents per head, 1/accuracy relative rank error above. */
    static final int QUANTILE_ACCURACY = 10_000;

    private StatisticsColumns() {
    }

    /** @return the columns renamed from the beans' camelCase to snake_case, in the given order */
    static Column[] snakeCase(String[] columns) {
        return Arrays.stream(columns).map(c -> col(c).as(c.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT)))
                .toArray(Column[]::new);
    }

    /**
     * @param statistics the document x layer x head table
     * @return per statistic, layer and head: count, mean, std (sample), quantiles at {@link CorpusSummary#QUANTILES}
     *         over the documents where the statistic has a value (NaN is no value)
     */
    static Dataset<Row> distributions(Dataset<Row> statistics) {
        Column levels = org.apache.spark.sql.functions.array(CorpusSummary.QUANTILES.stream().map(q -> lit(q)).toArray(Column[]::new));
        Dataset<Row> all = null;
        for (Statistic statistic : Statistic.values()) {
            Column value = when(isnan(col(statistic.id())), lit(null)).otherwise(col(statistic.id()));
            Dataset<Row> one = statistics.groupBy("layer", "head").agg(count(value).as("count"), avg(value).as("mean"),
                    stddev_samp(value).as("std"), percentile_approx(value, levels, lit(QUANTILE_ACCURACY)).as("quantiles"))
                    .select(lit(statistic.id()).as("statistic"), lit(statistic.ordinal()).as("order"), col("layer"), col("head"),
                            col("count"), col("mean"), col("std"), col("quantiles"));
            all = all == null ? one : all.unionByName(one);
        }
        return all.orderBy("order", "layer", "head").drop("order");
    }
}
