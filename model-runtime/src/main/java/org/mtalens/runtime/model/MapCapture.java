package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.mtalens.runtime.config.Stage;

/**
 * A {@link StageSink} that copies the selected maps (future entries 0), assembling each head's map from the
 * query blocks as they arrive, and, if asked, activations.
 */
public final class MapCapture implements StageSink {
    private final CaptureSelection selection;
    private final boolean activations;
    private final BooleanSupplier cancelled;
    /** Maps being filled (their values are written in place), by layer, stage and head, in the order their first rows arrived. */
    private final Map<String, AttentionMap> maps = new LinkedHashMap<>();
    private final Map<String, float[]> filling = new LinkedHashMap<>();
    private final Map<String, Activation> activationValues = new LinkedHashMap<>();

    public MapCapture(CaptureSelection selection, boolean activations) {
        this(selection, activations, () -> false);
    }

    /** @param cancelled checked before every layer; when it says true the pass stops with a {@link CancellationException} */
    public MapCapture(CaptureSelection selection, boolean activations, BooleanSupplier cancelled) {
        this.selection = selection;
        this.activations = activations;
        this.cancelled = cancelled;
    }

    @Override
    public void layerStarted(int layer) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the run was cancelled before layer " + layer);
        }
    }

    @Override
    public boolean wants(int layer, Stage stage) {
        return selection.wants(layer, stage);
    }

    @Override
    public void stage(int layer, Stage stage, StageRows rows) {
        FloatBuffer block = rows.floats(); // read row by row: no copy of the whole block
        for (int head = 0; head < rows.heads(); head++) {
            if (selection.wantsHead(head)) {
                copyRows(block, rows, head, mapOf(layer, stage, head, rows.tokens()));
            }
        }
    }

    /** Copies the delivered rows of one head, keys 0..query of each (the rest of the map stays 0). */
    private static void copyRows(FloatBuffer block, StageRows rows, int head, float[] values) {
        int tokens = rows.tokens();
        for (int query = rows.from(); query < rows.to(); query++) {
            block.get(rows.offset(head, query), values, query * tokens, query + 1);
        }
    }

    /** @return the values of the map being filled (all 0 before its first rows) */
    private float[] mapOf(int layer, Stage stage, int head, int tokens) {
        String key = layer + "/" + stage.id() + "/" + head;
        float[] values = filling.get(key);
        if (values == null) {
            values = new float[Math.multiplyExact(tokens, tokens)];
            filling.put(key, values);
            maps.put(key, new AttentionMap(layer, stage, head, tokens, values)); // the record keeps this array: filled in place
        }
        return values;
    }

    @Override
    public boolean wantsActivations() {
        return activations;
    }

    /** @param values [1, ...]: the batch axis of the one sequence is dropped */
    @Override
    public void activation(int layer, String name, NDArray values) {
        String key = layer < 0 ? name : "layer" + layer + "/" + name;
        long[] shape = values.getShape().slice(1).getShape();
        activationValues.put(key, new Activation(key, shape, values.toFloatArray()));
    }

    /** @return the captured maps in the order the pass produced them (layer, then stage, then head) */
    public List<AttentionMap> maps() {
        return new ArrayList<>(maps.values());
    }

    /** Forgets the maps captured so far (a caller that has taken them, e.g. one layer streamed to a file). */
    public void clear() {
        maps.clear();
        filling.clear();
    }

    public Map<String, Activation> activations() {
        return activationValues;
    }
}
