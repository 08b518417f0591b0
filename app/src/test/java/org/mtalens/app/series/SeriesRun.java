package org.mtalens.app.series;

import java.io.IOException;
import java.nio.file.Path;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.analysis.SeriesCheckpoints;

/**
 * A made-up run on the {@code tiny} fixture (layer 1, 4 heads, 3x5 kernels, pad_key both) in {@code run/step-*}:
 * at progress t each head's {@code mta_kernel} is (1-t) identity + t target (head 0 diagonal, head 1 edge,
 * head 2 identity, head 3 anti-diagonal); {@code mta_kernel_after_sm} is the identity throughout.
 */
final class SeriesRun {
    private SeriesRun() {
    }

    /** Writes step-000000 (t=0), step-000100 (t=0.5) and step-000200 (t=1) into {@code run}. */
    static Path write(Path run) throws IOException {
        checkpoint(run.resolve("step-000000"), 0);
        checkpoint(run.resolve("step-000100"), 0.5f);
        checkpoint(run.resolve("step-000200"), 1);
        return run;
    }

    private static void checkpoint(Path folder, float t) throws IOException {
        SeriesCheckpoints.write(folder, t, TestCheckpoints.fixture("tiny"));
    }
}
