package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint's weights seen through an overlay of {@link WeightEdits}: each edited tensor is a copy (on the
 * pass's manager, freed with it) with the edited heads, groups or matrices written over it; every other key is the
 * stored array itself. The stored weights are never modified.
 */
final class EditedWeights implements Weights {
    private final Weights stored;
    private final Map<String, NDArray> replaced;

    private EditedWeights(Weights stored, Map<String, NDArray> replaced) {
        this.stored = stored;
        this.replaced = replaced;
    }

    /**
     * @param manager where the edited copies live (the pass's manager)
     * @return {@code stored} itself for no edits, else the overlay
     */
    static Weights over(Weights stored, WeightEdits edits, NDManager manager) {
        if (edits.isNone()) {
            return stored;
        }
        Map<String, NDArray> replaced = new HashMap<>();
        edits.byTensor().forEach((key, list) -> replaced.put(key, edited(stored.get(key), list, manager)));
        return new EditedWeights(stored, replaced);
    }

    private static NDArray edited(NDArray original, List<WeightEdit> edits, NDManager manager) {
        float[] values = original.toFloatArray(); // small: a kernel or head-mixing tensor
        edits.forEach(e -> e.applyTo(values));
        return manager.create(values, original.getShape()).toDevice(original.getDevice(), false);
    }

    @Override
    public NDArray get(String key) {
        NDArray edited = replaced.get(key);
        return edited != null ? edited : stored.get(key);
    }

    @Override
    public NDArray find(String key) {
        NDArray edited = replaced.get(key);
        return edited != null ? edited : stored.find(key);
    }
}
