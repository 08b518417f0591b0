package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.mtalens.runtime.config.ModelConfig;

/**
 * The generation cache of every layer. As a {@link StageSink} it takes the prompt's queries, keys and values
 * from the prefill pass; each step then appends one position per layer.
 */
final class DecodeCache implements StageSink {
    private final List<LayerCache> layers = new ArrayList<>();

    /** @param positions every position the generation will reach (prompt and new tokens) */
    DecodeCache(NDManager manager, ModelConfig config, int positions) {
        for (int layer = 0; layer < config.nLayers(); layer++) {
            layers.add(new LayerCache(manager, config.nHeads(), positions, config.headDim()));
        }
    }

    LayerCache layer(int layer) {
        return layers.get(layer);
    }

    @Override
    public boolean wantsProjections() {
        return true;
    }

    @Override
    public void projections(int layer, NDArray q, NDArray k, NDArray v) {
        layers.get(layer).fill(q, k, v);
    }
}
