package org.mtalens.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.mtalens.runtime.corpus.CorpusSummary;

/** Writes {@code summary.json} beside the tables, through Hadoop's file systems (local, HDFS, S3...). */
final class SummaryFiles {
    private SummaryFiles() {
    }

    static void write(SparkSession spark, CorpusSummary summary, String out) {
        Path file = new Path(out, CorpusSummary.FILE);
        try {
            FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (OutputStream stream = fs.create(file, false)) {
                summary.write(stream);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
