package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.export.NpyArray;

/** A {@link StageSink} that copies the selected maps (future entries zeroed) and, if asked, activations. */
public final class MapCapture implements StageSink {
    private final CaptureSelection selection;
    private final boolean activations;
    private final List<AttentionMap> maps = new ArrayList<>();
    private final Map<String, NpyArray> activationValues = new LinkedHashMap<>();

    private final BooleanSupplier cancelled;

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

    /** @param stageMaps [1, H, T, T]: captures run one sequence */
    @Override
    public void stage(int layer, Stage stage, NDArray stageMaps) {
        int heads = (int) stageMaps.getShape().get(1);
        int tokens = (int) stageMaps.getShape().get(2);
        java.nio.FloatBuffer all = CpuMaps.floats(stageMaps); // [1, H, T, T], read head by head: no copy of the whole stage
        int cells = tokens * tokens;
        for (int head = 0; head < heads; head++) {
            if (selection.wantsHead(head)) {
                float[] values = new float[cells];
                all.get(head * cells, values, 0, cells);
                CausalMask.zeroFuture(values, tokens);
                maps.add(new AttentionMap(layer, stage, head, tokens, values));
            }
        }
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
        activationValues.put(key, NpyArray.ofFloats(key, values.toFloatArray(), shape));
    }

    public List<AttentionMap> maps() {
        return maps;
    }

    public Map<String, NpyArray> activations() {
        return activationValues;
    }
}
