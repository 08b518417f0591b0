package org.mtalens.runtime.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.mtalens.runtime.checkpoint.CheckpointLoader;

/**
 * The figures of docs/RELIABILITY.md's corpus table: for every kind, the file's size, how long refusing it takes
 * (median of 5 after one warm-up) and what the refusing thread allocates. Not a test (no timed tests); run by
 * hand after {@code mvn -pl model-runtime -am test-compile}:
 * {@code java -Xmx3g -cp model-runtime/target/test-classes:model-runtime/target/classes:CLASSPATH
 * org.mtalens.runtime.reliability.CorpusFigures}.
 */
public final class CorpusFigures {
    private CorpusFigures() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("mtalens-corpus");
        System.out.printf(Locale.ROOT, "| kind | file bytes | refused in (ms, median of 5) | allocated (MB) |%n| --- | --- | --- | --- |%n");
        for (HostileCheckpoints.Item item : HostileCheckpoints.writeAll(root)) {
            long bytes = Files.isRegularFile(item.namedFile()) ? Files.size(item.namedFile()) : 0;
            AllocatedBytes.during(() -> CheckpointLoader.load(item.checkpoint()));
            double[] millis = new double[5];
            long allocated = 0;
            for (int run = 0; run < millis.length; run++) {
                long start = System.nanoTime();
                allocated = AllocatedBytes.during(() -> CheckpointLoader.load(item.checkpoint()));
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f |%n", item.kind(), bytes, millis[2], allocated / 1e6);
        }
    }
}
