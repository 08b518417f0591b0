package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.checkpoint.CheckpointFormat;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.testing.Fixtures;

/**
 * Running the open checkpoint again and again leaves nothing behind: the weights' NDManager tree holds
 * as many live arrays after 50 captured runs as after loading, and the process RSS stays near its level.
 */
class RepeatedRunLeakTest {
    private static final int RUNS = 50;
    private static final long RSS_TOLERANCE_BYTES = 64L << 20;

    @Test
    void fiftyCapturedRunsLeaveNoArraysInTheWeightsManagerAndTheRssNearItsLevel() throws Exception {
        int[] tokens = Fixtures.tokens("tiny");
        try (ModelRunner runner = ModelRunner.load(CheckpointLoader.load(Fixtures.folder("tiny"), CheckpointFormat.SAFETENSORS),
                Device.cpu())) {
            NDManager weights = weightsManager(runner);
            int arraysAfterLoading = weights.getManagedArrays().size();
            runTimes(runner, tokens, 5); // warm-up: PyTorch's and the JIT's one-time allocations
            long rssBefore = settledRss();
            runTimes(runner, tokens, RUNS);
            long rssAfter = settledRss();
            System.out.printf("RepeatedRunLeakTest: %d arrays after loading, %d after %d runs; RSS %.1f MB before, %.1f MB after%n",
                    arraysAfterLoading, weights.getManagedArrays().size(), RUNS, rssBefore / 1e6, rssAfter / 1e6);
            assertThat(weights.getManagedArrays()).as("live arrays in the weights' manager tree").hasSize(arraysAfterLoading);
            assertThat(rssAfter - rssBefore).as("RSS growth over %d runs, bytes", RUNS).isLessThan(RSS_TOLERANCE_BYTES);
        }
    }

    private static void runTimes(ModelRunner runner, int[] tokens, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(runner.run(RunRequest.of(tokens)).length()).isEqualTo(tokens.length);
        }
    }

    /** The runner keeps its weights' manager private; the test reads it to count what hangs off it. */
    private static NDManager weightsManager(ModelRunner runner) throws ReflectiveOperationException {
        var field = ModelRunner.class.getDeclaredField("weights");
        field.setAccessible(true);
        return ((DeviceWeights) field.get(runner)).manager();
    }

    /** Resident set size after a full GC, from /proc/self/status (Linux). */
    private static long settledRss() throws IOException, InterruptedException {
        System.gc();
        Thread.sleep(200);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
