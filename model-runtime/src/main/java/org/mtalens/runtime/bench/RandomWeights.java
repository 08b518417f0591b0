package org.mtalens.runtime.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.model.Weights;

/** Random weights of the right shapes for a config, for benchmarks: N(0, 0.02), norms 1, MTA near identity. */
final class RandomWeights implements Weights {
    private final Map<String, NDArray> arrays = new HashMap<>();

    RandomWeights(NDManager manager, ModelConfig config) {
        config.expectedTensorShapes().forEach((key, dims) -> {
            Shape shape = new Shape(dims);
            NDArray array = key.endsWith("norm.weight") || key.endsWith("subln.weight") ? manager.ones(shape)
                    : manager.randomNormal(0f, key.contains("mta_kernel") || key.contains("head_kernel") || key.contains("wpsm")
                    || key.contains("wposm") ? 0.3f : 0.02f, shape, ai.djl.ndarray.types.DataType.FLOAT32);
            arrays.put(key, array);
        });
    }

    @Override
    public NDArray get(String key) {
        NDArray array = arrays.get(key);
        if (array == null) {
            throw new IllegalArgumentException("no weight " + key);
        }
        return array;
    }

    @Override
    public NDArray find(String key) {
        return arrays.get(key);
    }
}
