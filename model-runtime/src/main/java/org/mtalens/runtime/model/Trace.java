package org.mtalens.runtime.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;

/**
 * One forward pass, kept small: the residual stream entering each layer ([T, D] per layer: 12.6 MB at T=2048,
 * D=1536), not its maps. A view asks the trace for the maps it shows, and the layer is replayed from its
 * input: the same operations in the same order, so the same maps the pass computed. Logits are kept for the
 * positions the pass was asked for and computed for others when asked.
 *
 * <p>Replays run on the model that made the trace, on the thread that owns it (the app's inference thread);
 * they fail once that model is closed. The trace itself is immutable but for its cache of logits rows.
 */
public final class Trace {
    private final ModelRunner runner;
    private final int[] tokens;
    private final Ablation ablation;
    private final WeightEdits edits;
    /** [L+1][T*D]: entering each layer; the last leaves the last layer. Shared with the traces it was derived from. */
    private final float[][] residuals;
    private final Map<Integer, float[]> logits = new ConcurrentHashMap<>();
    /**
     * Maps the pass captured, each handed over to the first ask it covers and then let go: a trace lives as long as
     * the window shows its run, and must not hold a layer's maps (0.8 GB at T=2048) after the view has moved on.
     */
    private final List<LayerMaps> captured;
    private final String device;
    private final double millis;

    Trace(ModelRunner runner, int[] tokens, Ablation ablation, WeightEdits edits, float[][] residuals,
          Map<Integer, float[]> logits, List<LayerMaps> captured, String device, double millis) {
        this.runner = runner;
        this.tokens = tokens.clone();
        this.ablation = ablation;
        this.edits = edits;
        this.residuals = residuals;
        this.logits.putAll(logits);
        this.captured = new java.util.ArrayList<>(captured);
        this.device = device;
        this.millis = millis;
    }

    /** @return the input token ids */
    public int[] tokens() {
        return tokens.clone();
    }

    /** @return T */
    public int length() {
        return tokens.length;
    }

    /** @return the parts switched off in this pass */
    public Ablation ablation() {
        return ablation;
    }

    /** @return the weights replaced in this pass (none for the checkpoint's own) */
    public WeightEdits edits() {
        return edits;
    }

    /** @return the model's config */
    public ModelConfig config() {
        return runner.checkpoint().config();
    }

    /** @return the device it ran on, e.g. {@code cpu()} */
    public String device() {
        return device;
    }

    /** @return the wall time of the pass */
    public double millis() {
        return millis;
    }

    /** @return the bytes the trace holds (the residual stream of every layer) */
    public long bytes() {
        return bytes(config(), tokens.length);
    }

    /** @return the bytes a trace of {@code tokens} tokens holds */
    public static long bytes(ModelConfig config, int tokens) {
        return (config.nLayers() + 1L) * tokens * config.dim() * Float.BYTES;
    }

    /** @return [T*D] the residual stream entering {@code layer} (the layer count: leaving the last layer) */
    float[] residual(int layer) {
        return residuals[layer];
    }

    float[][] residuals() {
        return residuals;
    }

    /** @return [V] the logits after {@code position}: kept from the pass, or computed now */
    public float[] logits(int position) {
        if (position < 0 || position >= tokens.length) {
            throw new IllegalArgumentException("position " + position + " is outside 0.." + (tokens.length - 1));
        }
        return logits.computeIfAbsent(position, p -> runner.logitsAt(this, p)).clone();
    }

    /**
     * @return [(to-from) * V] the logits after positions from..to-1, row-major, computed now (not kept): for
     *         exports that stream every position's logits a few rows at a time
     */
    public float[] logits(int from, int to) {
        if (from < 0 || to > tokens.length || from >= to) {
            throw new IllegalArgumentException("positions " + from + ".." + (to - 1) + " are outside 0.." + (tokens.length - 1));
        }
        return runner.logitsAt(this, from, to);
    }

    /** @return the {@code k} most likely next tokens after {@code position}, most likely first */
    public List<TokenPrediction> topPredictions(int position, int k) {
        return TokenPrediction.top(logits(position), k);
    }

    /** @return whether the logits at {@code position} are all finite (a broken checkpoint gives NaN) */
    public boolean finiteLogits(int position) {
        for (float v : logits(position)) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** @return a warning when the logits kept from the pass (the last position and any asked) hold NaN or infinities */
    public java.util.Optional<String> logitWarning() {
        int[] positions = logits.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int vocab = config().vocabSize();
        float[] rows = new float[positions.length * vocab];
        for (int i = 0; i < positions.length; i++) {
            System.arraycopy(logits.get(positions[i]), 0, rows, i * vocab, vocab);
        }
        return LogitCheck.warning(rows, positions, vocab);
    }

    /** Maps of {@code layer}, replayed (or, the first time they are asked for, the ones the pass captured). */
    public LayerMaps maps(int layer, MapQuery query) {
        return maps(layer, query, () -> false);
    }

    /**
     * @return the maps {@code query} asks for on {@code layer}
     * @throws org.mtalens.runtime.InvalidInputException when they do not fit the memory budget
     */
    public LayerMaps maps(int layer, MapQuery query, BooleanSupplier cancelled) {
        return maps(layer, query, cancelled, RecycledMaps.none());
    }

    /**
     * @param recycled the memory of maps the caller has let go (and never reads again), which a replay fills first:
     *                 a view moving from one layer to another holds one layer's maps, not two
     * @return the maps {@code query} asks for on {@code layer}
     * @throws org.mtalens.runtime.InvalidInputException when they do not fit the memory budget
     */
    public LayerMaps maps(int layer, MapQuery query, BooleanSupplier cancelled, RecycledMaps recycled) {
        return handedOver(layer, query).orElseGet(() -> runner.replay(this, layer, query, cancelled, recycled));
    }

    /** @return captured maps of {@code layer} that cover {@code query}, no longer held by the trace */
    private synchronized Optional<LayerMaps> handedOver(int layer, MapQuery query) {
        Optional<LayerMaps> kept = captured.stream().filter(m -> m.layer() == layer
                && m.covers(query, config().layerPlan(layer).stages(), config().nHeads())).findFirst();
        kept.ifPresent(captured::remove);
        return kept;
    }

    /** Streams {@code layer}'s rows of some stages and heads to {@code listener} (empty sets: all). */
    public void rows(int layer, Set<Stage> stages, Set<Integer> heads, RowListener listener, BooleanSupplier cancelled) {
        runner.replayRows(this, layer, stages, heads, listener, cancelled);
    }

    /** @return every head's map of {@code layer} at {@code stage}, pooled to at most {@code size x size} cells */
    public List<PooledMap> pooled(int layer, Stage stage, int size, BooleanSupplier cancelled) {
        MapPooling pooling = new MapPooling(layer, tokens.length, size);
        rows(layer, Set.of(stage), Set.of(), pooling, cancelled);
        return pooling.maps();
    }

    /**
     * The same input with {@code parts} switched off (and this trace's edits kept): only the layers from the first
     * one it changes are run again (the layers before it see the same input).
     */
    public Trace ablated(Ablation parts, CaptureSelection capture, PassProgress progress) {
        return runner.retrace(this, parts, edits, capture, progress);
    }

    /**
     * The same input with {@code overlay}'s weights in place of the stored ones (the checkpoint is not modified),
     * from an intact trace: only the layers from the first edited one are run again.
     */
    public Trace edited(WeightEdits overlay, CaptureSelection capture, PassProgress progress) {
        return runner.retrace(this, Ablation.none(), overlay, capture, progress);
    }
}
