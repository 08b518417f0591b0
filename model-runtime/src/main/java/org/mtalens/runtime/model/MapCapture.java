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
    private final RecycledMaps recycled;
    /** Maps being filled (their values are written in place), by layer, stage and head, in the order their first rows arrived. */
    private final Map<String, AttentionMap> maps = new LinkedHashMap<>();
    private final Map<String, Activation> activationValues = new LinkedHashMap<>();

    public MapCapture(CaptureSelection selection, boolean activations) {
        this(selection, activations, () -> false);
    }

    /** @param cancelled checked before every layer; when it says true the pass stops with a {@link CancellationException} */
    public MapCapture(CaptureSelection selection, boolean activations, BooleanSupplier cancelled) {
        this(selection, activations, cancelled, RecycledMaps.none());
    }

    /** @param recycled memory of maps let go, filled again before anything is allocated */
    MapCapture(CaptureSelection selection, boolean activations, BooleanSupplier cancelled, RecycledMaps recycled) {
        this.selection = selection;
        this.activations = activations;
        this.cancelled = cancelled;
        this.recycled = recycled;
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

    /** Copies the delivered rows of one head into its map's causal triangle: keys 0..query of each. */
    private static void copyRows(FloatBuffer block, StageRows rows, int head, float[] triangle) {
        for (int query = rows.from(); query < rows.to(); query++) {
            block.get(rows.offset(head, query), triangle, AttentionMap.rowStart(query), query + 1);
        }
    }

    /** @return the causal triangle of the map being filled (a released map's memory, or new): every row is written as it arrives */
    private float[] mapOf(int layer, Stage stage, int head, int tokens) {
        return maps.computeIfAbsent(layer + "/" + stage.id() + "/" + head, key -> {
            int cells = AttentionMap.cells(tokens);
            float[] triangle = recycled.take(cells).orElseGet(() -> new float[cells]);
            return AttentionMap.ofTriangle(layer, stage, head, tokens, triangle); // the map keeps this array: filled in place
        }).memory();
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
    }

    public Map<String, Activation> activations() {
        return activationValues;
    }
}
