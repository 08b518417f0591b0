package org.mtalens.corpus;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
     *         over the documents where the statistic has a value (NaN is no value); one aggregation over the table,
     *         unfolded to one row per statistic on the driver (layers x heads rows)
     */
    static Dataset<Row> distributions(SparkSession spark, Dataset<Row> statistics) {
        Column levels = org.apache.spark.sql.functions.array(CorpusSummary.QUANTILES.stream().map(q -> lit(q)).toArray(Column[]::new));
        List<Column> aggregates = new ArrayList<>();
        for (Statistic statistic : Statistic.values()) {
            Column value = when(isnan(col(statistic.id())), lit(null)).otherwise(col(statistic.id()));
            aggregates.add(count(value).as(statistic.id() + "_count"));
            aggregates.add(avg(value).as(statistic.id() + "_mean"));
            aggregates.add(stddev_samp(value).as(statistic.id() + "_std"));
            aggregates.add(percentile_approx(value, levels, lit(QUANTILE_ACCURACY)).as(statistic.id() + "_quantiles"));
        }
        List<Row> heads = statistics.groupBy("layer", "head").agg(aggregates.get(0), aggregates.subList(1, aggregates.size())
                .toArray(Column[]::new)).orderBy("layer", "head").collectAsList();
        List<Row> rows = new ArrayList<>();
        for (Statistic statistic : Statistic.values()) {
            for (Row head : heads) {
                String id = statistic.id();
                rows.add(RowFactory.create(id, head.getAs("layer"), head.getAs("head"), head.getAs(id + "_count"),
                        head.getAs(id + "_mean"), head.getAs(id + "_std"), head.isNullAt(head.fieldIndex(id + "_quantiles")) ? null
                                : head.getList(head.fieldIndex(id + "_quantiles"))));
            }
        }
        StructType schema = new StructType()
                .add("statistic", DataTypes.StringType, false)
                .add("layer", DataTypes.IntegerType, false)
                .add("head", DataTypes.IntegerType, false)
                .add("count", DataTypes.LongType, false)
                .add("mean", DataTypes.DoubleType, true)
                .add("std", DataTypes.DoubleType, true)
                .add("quantiles", DataTypes.createArrayType(DataTypes.DoubleType, true), true);
        return spark.createDataFrame(rows, schema);
    }
}
