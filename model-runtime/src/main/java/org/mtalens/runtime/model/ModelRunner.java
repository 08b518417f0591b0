package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.TokenPosition;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;

/**
 * Runs one loaded checkpoint: {@link Trace traces} (one pass keeping each layer's input), replays of one layer
 * from a trace, logits of any position, passes that capture maps, greedy generation with a cache. Each request
 * gets its own {@link NDManager}, closed when it ends; no array leaves. Not thread-safe: one thread (the app's
 * inference executor) uses it at a time. Close it to free the weights.
 */
public final class ModelRunner implements AutoCloseable {
    /** The longest input whose [T, T] maps fit one Java array: T * T <= 2^31 - 1. */
    public static final int MAX_TOKENS = 46_340;
    private final Checkpoint checkpoint;
    private final DeviceWeights weights;
    private final MtaTransformer model;
    private MemoryBudget budget = MemoryBudget.defaultBudget();
    private boolean allowLonger;

    private ModelRunner(Checkpoint checkpoint, DeviceWeights weights) {
        this.checkpoint = checkpoint;
        this.weights = weights;
        this.model = new MtaTransformer(checkpoint.config(), weights);
    }

    /** Copies the checkpoint's weights to {@code device}. */
    public static ModelRunner load(Checkpoint checkpoint, ai.djl.Device device) {
        return load(checkpoint, device, () -> false);
    }

    /**
     * Copies the checkpoint's weights to {@code device}, checking {@code cancelled} before every tensor.
     *
     * @throws java.util.concurrent.CancellationException when cancelled (nothing stays allocated)
     */
    public static ModelRunner load(Checkpoint checkpoint, ai.djl.Device device, BooleanSupplier cancelled) {
        return new ModelRunner(checkpoint, DeviceWeights.load(checkpoint, device, cancelled));
    }

    /** @return the checkpoint it runs */
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /** @return the device, for users */
    public String device() {
        return ComputeDevice.describe(weights.device());
    }

    /** @return the memory budget replays and captures are checked against */
    public MemoryBudget budget() {
        return budget;
    }

    /** Replaces the capture memory budget. */
    public void setBudget(MemoryBudget budget) {
        this.budget = budget;
    }

    /** Lets inputs longer than max_seqlen run ({@code --allow-longer}: RoPE has no hard limit). */
    public void allowLongerInputs(boolean allow) {
        this.allowLonger = allow;
    }

    // ---- traces ----

    /**
     * One forward pass that keeps each layer's input (and the maps {@code request} captures), reporting each
     * layer done to {@code progress}.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} says cancelled
     */
    public Trace trace(TraceRequest request, PassProgress progress) {
        ModelConfig config = checkpoint.config();
        int[] tokens = request.tokens();
        validate(config, tokens, allowLonger);
        request.ablation().validateFor(config);
        request.edits().validateFor(config);
        request.capture().validateFor(config);
        budget.checkTrace(config, request.capture(), tokens.length);
        long start = System.nanoTime();
        try (NDManager manager = weights.manager().newSubManager()) {
            NDArray embedded = model.embed(manager, tokenArray(manager, tokens)); // [1, T, D]
            return tracedPass(manager, tokens, 0, embedded, null, request, progress, start);
        }
    }

    /**
     * The pass of {@code base}'s input with {@code parts} switched off and {@code edits}' weights, run only from
     * the first layer they change (the layers before it see the same input, so their inputs are shared with
     * {@code base}). {@code base} is intact, or has these same edits (an edited run, now ablated).
     */
    Trace retrace(Trace base, Ablation parts, WeightEdits edits, CaptureSelection capture, PassProgress progress) {
        ModelConfig config = checkpoint.config();
        parts.validateFor(config);
        edits.validateFor(config);
        capture.validateFor(config);
        if (!base.ablation().isNone()) {
            throw new IllegalArgumentException("an ablated trace is derived from the intact one, not from " + base.ablation());
        }
        if (!base.edits().isNone() && !base.edits().equals(edits)) {
            throw new IllegalArgumentException("an edited trace is derived from the intact one, not from " + base.edits());
        }
        int[] tokens = base.tokens();
        budget.checkTrace(config, capture, tokens.length);
        int firstEdited = base.edits().isNone() ? edits.firstLayer().orElse(config.nLayers()) : config.nLayers();
        int first = Math.min(parts.firstLayer().orElse(config.nLayers()), firstEdited);
        long start = System.nanoTime();
        try (NDManager manager = weights.manager().newSubManager()) {
            NDArray input = residualArray(manager, base, first); // [1, T, D]
            TraceRequest request = new TraceRequest(tokens, parts, LogitRows.last(), capture, edits);
            return tracedPass(manager, tokens, first, input, base.residuals(), request, progress, start);
        }
    }

    private Trace tracedPass(NDManager manager, int[] tokens, int first, NDArray input, float[][] earlier,
                             TraceRequest request, PassProgress progress, long start) {
        ModelConfig config = checkpoint.config();
        ResidualRecorder residuals = new ResidualRecorder(config.nLayers(), earlier, first);
        MapCapture capture = new MapCapture(request.capture(), false);
        StageSink sink = StageSinks.of(progress, config.nLayers(), residuals, capture);
        int[] positions = request.logits().resolve(tokens.length);
        NDArray logits = modelFor(manager, request.edits()).forwardFrom(manager, first, input, sink, request.ablation(),
                request.logits()); // [1, T', V]
        Map<Integer, float[]> rows = logitRows(logits.toFloatArray(), positions, tokens.length, config.vocabSize());
        double millis = (System.nanoTime() - start) / 1e6;
        return new Trace(this, tokens, request.ablation(), request.edits(), residuals.residuals(), rows,
                layerMaps(capture.maps()), device(), millis);
    }

    /** @return the model reading {@code edits}' weights over the stored ones (copies on {@code manager}), or the model */
    private MtaTransformer modelFor(NDManager manager, WeightEdits edits) {
        return edits.isNone() ? model : new MtaTransformer(checkpoint.config(), EditedWeights.over(weights, edits, manager));
    }

    /** Replays {@code layer} of {@code trace} and keeps the maps {@code query} asks for, in {@code recycled}'s memory first. */
    LayerMaps replay(Trace trace, int layer, MapQuery query, BooleanSupplier cancelled, RecycledMaps recycled) {
        ModelConfig config = checkpoint.config();
        CaptureSelection selection = query.on(layer);
        selection.validateFor(config);
        budget.check(config, selection, trace.length());
        MapCapture capture = new MapCapture(selection, false, cancelled, recycled);
        replayInto(trace, layer, capture);
        return new LayerMaps(layer, capture.maps());
    }

    /** Replays {@code layer} of {@code trace}, streaming the rows of some stages and heads (empty: all) to {@code listener}. */
    void replayRows(Trace trace, int layer, Set<Stage> stages, Set<Integer> heads, RowListener listener,
                    BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("cancelled before replaying layer " + layer);
        }
        replayInto(trace, layer, new RowStream(layer, stages, heads, listener));
    }

    private void replayInto(Trace trace, int layer, StageSink sink) {
        if (layer < 0 || layer >= checkpoint.config().nLayers()) {
            throw new InvalidInputException("layer " + layer + " does not exist; the model has layers 0.."
                    + (checkpoint.config().nLayers() - 1));
        }
        try (NDManager manager = weights.manager().newSubManager()) {
            modelFor(manager, trace.edits()).replayAttention(manager, layer, residualArray(manager, trace, layer), sink,
                    trace.ablation());
        }
    }

    /** @return [V] the logits after {@code position} of {@code trace}, from the residual stream leaving its last layer */
    float[] logitsAt(Trace trace, int position) {
        return logitsAt(trace, position, position + 1);
    }

    /** @return [(to-from) * V] the logits after positions from..to-1 of {@code trace}, row-major */
    float[] logitsAt(Trace trace, int from, int to) {
        ModelConfig config = checkpoint.config();
        float[] last = trace.residual(config.nLayers());
        int dim = config.dim();
        try (NDManager manager = weights.manager().newSubManager()) {
            NDArray rows = manager.create(Arrays.copyOfRange(last, from * dim, to * dim), new Shape(1, to - from, dim)); // [1, T', D]
            return model.logits(rows, StageSink.NONE).toFloatArray(); // [1, T', V]
        }
    }

    private NDArray residualArray(NDManager manager, Trace trace, int layer) {
        ModelConfig config = checkpoint.config();
        return manager.create(trace.residual(layer), new Shape(1, trace.length(), config.dim())); // [1, T, D]
    }

    private static Map<Integer, float[]> logitRows(float[] values, int[] positions, int tokens, int vocab) {
        Map<Integer, float[]> rows = new HashMap<>();
        int count = positions == null ? tokens : positions.length;
        for (int i = 0; i < count; i++) {
            rows.put(positions == null ? i : positions[i], Arrays.copyOfRange(values, i * vocab, (i + 1) * vocab));
        }
        return rows;
    }

    private static List<LayerMaps> layerMaps(List<AttentionMap> maps) {
        Map<Integer, List<AttentionMap>> byLayer = new java.util.TreeMap<>();
        maps.forEach(m -> byLayer.computeIfAbsent(m.layer(), l -> new java.util.ArrayList<>()).add(m));
        return byLayer.entrySet().stream().map(e -> new LayerMaps(e.getKey(), e.getValue())).toList();
    }

    // ---- passes that capture maps ----

    /** Runs one forward pass and keeps what the request asks for. */
    public RunResult run(RunRequest request) {
        return run(request, () -> false);
    }

    /**
     * Runs one forward pass, capturing the maps and activations the request asks for, with the logits of every
     * position, checking {@code cancelled} before every layer.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public RunResult run(RunRequest request, BooleanSupplier cancelled) {
        ModelConfig config = checkpoint.config();
        int[] tokens = request.tokens();
        validate(config, tokens, allowLonger);
        request.capture().validateFor(config);
        request.ablation().validateFor(config);
        request.edits().validateFor(config);
        budget.check(config, request.capture(), tokens.length);
        long start = System.nanoTime();
        MapCapture capture = new MapCapture(request.capture(), request.activations(), cancelled);
        try (NDManager manager = weights.manager().newSubManager()) {
            NDArray logits = modelFor(manager, request.edits()).forward(manager, tokenArray(manager, tokens), capture, request.ablation()); // [1, T, V]
            float[] values = logits.toFloatArray();
            double millis = (System.nanoTime() - start) / 1e6;
            return new RunResult(tokens, values, config.vocabSize(), capture.maps(), capture.activations(), device(), millis);
        }
    }

    // ---- generation ----

    /** Greedy decoding of the intact model. @see #generate(int[], int, Ablation) */
    public int[] generate(int[] prompt, int count) {
        return generate(prompt, count, Ablation.none());
    }

    /**
     * Greedy decoding: appends {@code count} tokens, each the most likely after the sequence so far, with parts
     * of the model switched off in every step. One pass over the prompt fills a cache of every layer's queries,
     * keys and values; each new token is then one step through the layers for its position only.
     *
     * @return the prompt followed by the new tokens
     */
    public int[] generate(int[] prompt, int count, Ablation ablation) {
        return generate(prompt, count, ablation, PassProgress.NONE);
    }

    /** As {@link #generate(int[], int, Ablation)}, reporting tokens done as "layers" done and stopping when cancelled. */
    public int[] generate(int[] prompt, int count, Ablation ablation, PassProgress progress) {
        return generate(prompt, count, ablation, WeightEdits.none(), progress);
    }

    /** As {@link #generate(int[], int, Ablation, PassProgress)}, with {@code edits}' weights over the stored ones. */
    public int[] generate(int[] prompt, int count, Ablation ablation, WeightEdits edits, PassProgress progress) {
        ModelConfig config = checkpoint.config();
        validate(config, prompt, allowLonger);
        ablation.validateFor(config);
        edits.validateFor(config);
        if (count < 0 || prompt.length + (long) count > (allowLonger ? MAX_TOKENS : config.maxSeqlen())) {
            throw new InvalidInputException("generating " + count + " tokens after " + prompt.length + " would exceed max_seqlen "
                    + config.maxSeqlen());
        }
        int[] sequence = Arrays.copyOf(prompt, prompt.length + count);
        if (count == 0) {
            return sequence;
        }
        try (NDManager manager = weights.manager().newSubManager()) {
            DecodeCache cache = new DecodeCache(manager, config, sequence.length);
            MtaTransformer edited = modelFor(manager, edits);
            NDArray prefill = edited.forward(manager, tokenArray(manager, prompt), cache, ablation, LogitRows.last()); // [1, 1, V]
            sequence[prompt.length] = (int) prefill.argMax().getLong();
            ForwardContext context = ForwardContext.of(manager, sequence.length, config);
            for (int position = prompt.length; position + 1 < sequence.length; position++) {
                if (progress.cancelled()) {
                    throw new java.util.concurrent.CancellationException("generation was cancelled");
                }
                try (NDManager step = manager.newSubManager()) {
                    NDArray logits = edited.step(step, sequence[position], position, cache, context, ablation); // [1, 1, V]
                    sequence[position + 1] = (int) logits.argMax().getLong();
                }
                progress.layersDone(position + 1 - prompt.length, count);
            }
        }
        return sequence;
    }

    private static NDArray tokenArray(NDManager manager, int[] tokens) {
        long[] ids = Arrays.stream(tokens).asLongStream().toArray();
        return manager.create(ids, new Shape(1, tokens.length)); // [1, T]
    }

    /** Rejects an empty input, one longer than max_seqlen, or a token outside the vocabulary, naming it. */
    public static void validate(ModelConfig config, int[] tokens) {
        validate(config, tokens, false);
    }

    /**
     * As {@link #validate(ModelConfig, int[])}; {@code allowLonger} lets an input beyond max_seqlen through, but never
     * one whose [T, T] maps would have more cells than a Java array holds.
     */
    public static void validate(ModelConfig config, int[] tokens, boolean allowLonger) {
        if (tokens.length == 0) {
            throw new InvalidInputException("the input is empty: give at least one token");
        }
        if (tokens.length > config.maxSeqlen() && !allowLonger) {
            throw new InputLongerThanModel(tokens.length, config.maxSeqlen());
        }
        if (tokens.length > MAX_TOKENS) {
            throw new InvalidInputException("the input has " + tokens.length + " tokens; its [T, T] attention maps would"
                    + " have more cells than one array holds (at most " + MAX_TOKENS + " tokens)");
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= config.vocabSize()) {
                throw new InvalidInputException(TokenPosition.of(i, tokens[i]) + " is outside the vocabulary (ids 0 to "
                        + (config.vocabSize() - 1) + ")");
            }
        }
    }

    @Override
    public void close() {
        weights.close();
    }
}
