package org.mtalens.app.series;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.SafetensorsReader;
import org.mtalens.runtime.checkpoint.SafetensorsWriter;
import org.mtalens.runtime.checkpoint.Tensor;

/**
 * A made-up run on the {@code tiny} fixture (layer 1, 4 heads, 3x5 kernels, pad_key both) in {@code run/step-*}:
 * at progress t each head's {@code mta_kernel} is (1-t) identity + t target (head 0 diagonal, head 1 edge,
 * head 2 identity, head 3 anti-diagonal); {@code mta_kernel_after_sm} is the identity throughout.
 */
final class SeriesRun {
    private static final float[] IDENTITY = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0};
    private static final float[][] TARGETS = {
            {1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0},
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 1, 0, 0},
            IDENTITY,
            {0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0}};

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
        Files.createDirectories(folder);
        Path tiny = TestCheckpoints.fixture("tiny");
        Files.copy(tiny.resolve("config.json"), folder.resolve("config.json"));
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafetensorsReader.read(tiny.resolve("model.safetensors")));
        float[] kernels = new float[60];
        float[] identities = new float[60];
        for (int h = 0; h < 4; h++) {
            for (int i = 0; i < 15; i++) {
                kernels[h * 15 + i] = (1 - t) * IDENTITY[i] + t * TARGETS[h][i];
                identities[h * 15 + i] = IDENTITY[i];
            }
        }
        put(tensors, "layers.1.attention.mta_kernel", kernels);
        put(tensors, "layers.1.attention.mta_kernel_after_sm", identities);
        SafetensorsWriter.write(folder.resolve("model.safetensors"), tensors);
    }

    private static void put(Map<String, Tensor> tensors, String name, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        tensors.put(name, new Tensor(name, new long[] {4, 1, 3, 5}, DType.F32, bytes));
    }
}
