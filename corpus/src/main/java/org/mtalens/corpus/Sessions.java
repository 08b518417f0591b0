package org.mtalens.corpus;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Starts Spark: local mode in this JVM by default, the given master, or spark-submit's. */
final class Sessions {
    static final String DEFAULT_MASTER = "local[*]";

    private Sessions() {
    }

    /** @param master the master, or null for spark-submit's (when run by it) or {@value #DEFAULT_MASTER} */
    static SparkSession start(String master) {
        SparkConf conf = new SparkConf(true); // reads spark-submit's spark.* properties
        String chosen = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
        SparkSession.Builder builder = SparkSession.builder().appName("mta-lens corpus").master(chosen);
        if (chosen.startsWith("local")) {
            builder.config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"))
                    .config("spark.sql.shuffle.partitions", conf.get("spark.sql.shuffle.partitions", "8"))
                    .config("spark.driver.host", conf.get("spark.driver.host", "localhost"))
                    .config("spark.ui.showConsoleProgress", "false");
        }
        return builder.getOrCreate();
    }
}
