package org.mtalens.runtime.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointFormat;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.ModelConfigReader;

/**
 * Checkpoints of any config with seeded random fp32 weights (norms 1, MTA kernels and head mixing large enough
 * to change the maps), for tests of configurations the fixtures do not cover.
 */
public final class RandomCheckpoint {
    private RandomCheckpoint() {
    }

    /** @param configJson the model arguments in config.json form */
    public static Checkpoint of(String configJson, long seed) {
        ModelConfig config = ModelConfigReader.parseConfigJson(configJson, "test config");
        Random random = new Random(seed);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        config.expectedTensorShapes().forEach((key, shape) -> tensors.put(key, tensor(key, shape, random)));
        return new Checkpoint(Path.of("random", "model.safetensors"), CheckpointFormat.SAFETENSORS, config, tensors, List.of());
    }

    private static Tensor tensor(String key, long[] shape, Random random) {
        int count = (int) Tensor.elementCount(shape);
        ByteBuffer bytes = ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        boolean norm = key.endsWith("norm.weight") || key.endsWith("subln.weight");
        boolean mixing = key.contains("mta_kernel") || key.contains("head_kernel") || key.contains("wpsm") || key.contains("wposm");
        double scale = mixing ? 0.4 : 0.15;
        for (int i = 0; i < count; i++) {
            bytes.putFloat(norm ? 1f : (float) (random.nextGaussian() * scale));
        }
        bytes.flip();
        return new Tensor(key, shape, DType.F32, bytes);
    }
}
