package org.mtalens.samples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.model.Weights;

/**
 * The parameters being trained: one fp32 array with a gradient per state-dict key the config needs,
 * except the tied output (it is the embedding, so it is trained once and saved under both keys).
 */
public final class TrainableWeights implements Weights {
    static final String TIED_OUTPUT = "output.tied_module.weight";
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    private TrainableWeights() {
    }

    /**
     * The official (lingua) initialisation, from {@code seed}: truncated normals with std dim^-0.5
     * (w2: ffn_dim^-0.5), norms 1, MTA kernels the identity (1 at row c_q-1, column c_k//2).
     */
    public static TrainableWeights initialise(NDManager manager, ModelConfig config, long seed) {
        TrainableWeights weights = new TrainableWeights();
        Random random = new Random(seed);
        for (Map.Entry<String, long[]> e : trainedShapes(config).entrySet()) {
            float[] values = ParameterInit.values(e.getKey(), e.getValue(), config, random);
            weights.put(manager, e.getKey(), values, e.getValue());
        }
        return weights;
    }

    /** Continues from a saved checkpoint's weights. */
    public static TrainableWeights fromCheckpoint(NDManager manager, Checkpoint checkpoint) {
        TrainableWeights weights = new TrainableWeights();
        for (Map.Entry<String, long[]> e : trainedShapes(checkpoint.config()).entrySet()) {
            weights.put(manager, e.getKey(), checkpoint.tensor(e.getKey()).toFloatArray(), e.getValue());
        }
        return weights;
    }

    /** @return every key the config expects, less the tied output */
    static Map<String, long[]> trainedShapes(ModelConfig config) {
        Map<String, long[]> shapes = new LinkedHashMap<>(config.expectedTensorShapes());
        if (config.isOutputTied()) {
            shapes.remove(TIED_OUTPUT);
        }
        return shapes;
    }

    private void put(NDManager manager, String key, float[] values, long[] shape) {
        NDArray array = manager.create(values, new Shape(shape));
        array.setName(key);
        array.setRequiresGradient(true);
        arrays.put(key, array);
    }

    /** @return the trained arrays by key, in the config's order (live: the optimizer updates them in place) */
    public Map<String, NDArray> parameters() {
        return java.util.Collections.unmodifiableMap(arrays);
    }

    /** @return every value as fp32, with the tied output as a copy of the embedding, by state-dict key */
    public Map<String, float[]> snapshot(ModelConfig config) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (String key : config.expectedTensorShapes().keySet()) {
            String source = config.isOutputTied() && key.equals(TIED_OUTPUT) ? "tok_embeddings.weight" : key;
            values.put(key, arrays.get(source).toFloatArray());
        }
        return values;
    }

    @Override
    public NDArray get(String key) {
        NDArray array = find(key);
        if (array == null) {
            throw new InvalidInputException("no trained tensor '" + key + "'");
        }
        return array;
    }

    @Override
    public NDArray find(String key) {
        return arrays.get(TIED_OUTPUT.equals(key) ? "tok_embeddings.weight" : key);
    }
}
