package org.mtalens.runtime.analysis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.SafetensorsReader;
import org.mtalens.runtime.checkpoint.SafetensorsWriter;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.testing.Fixtures;

/**
 * A made-up training run on the {@code tiny} fixture (layer 1, 4 heads, 3x5 kernels, pad_key both): at progress t
 * each head's {@code mta_kernel} is (1-t) identity + t target, with targets head 0 diagonal, head 1 edge,
 * head 2 identity, head 3 anti-diagonal; {@code mta_kernel_after_sm} stays the identity.
 */
public final class SeriesCheckpoints {
    static final String KERNEL = "layers.1.attention.mta_kernel";
    static final String KERNEL_AFTER = "layers.1.attention.mta_kernel_after_sm";
    private static final float[] IDENTITY = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0};
    private static final float[][] TARGETS = {
            {1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0},
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 1, 0, 0},
            IDENTITY,
            {0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0}};

    private SeriesCheckpoints() {
    }

    /** Writes the checkpoint at progress {@code t} into {@code folder} (model.safetensors + config.json). */
    public static Path write(Path folder, float t) throws IOException {
        return write(folder, t, Fixtures.folder("tiny"));
    }

    /** As {@link #write(Path, float)}, from the {@code tiny} fixture folder at {@code tiny} (for other modules' tests). */
    public static Path write(Path folder, float t, Path tiny) throws IOException {
        Files.createDirectories(folder);
        Files.copy(tiny.resolve("config.json"), folder.resolve("config.json"));
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafetensorsReader.read(tiny.resolve("model.safetensors")));
        tensors.put(KERNEL, tensor(KERNEL, kernels(t)));
        tensors.put(KERNEL_AFTER, tensor(KERNEL_AFTER, kernels(0)));
        SafetensorsWriter.write(folder.resolve("model.safetensors"), tensors);
        return folder;
    }

    /** @return [4, 1, 3, 5] row-major: head h is (1-t) identity + t TARGETS[h] */
    static float[] kernels(float t) {
        float[] values = new float[4 * 15];
        for (int h = 0; h < 4; h++) {
            for (int i = 0; i < 15; i++) {
                values[h * 15 + i] = (1 - t) * IDENTITY[i] + t * TARGETS[h][i];
            }
        }
        return values;
    }

    static Tensor tensor(String name, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return new Tensor(name, new long[] {4, 1, 3, 5}, DType.F32, bytes);
    }
}
