package org.mtalens.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.TokenPosition;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.ModelConfig;

/**
 * Runs one loaded checkpoint: forward passes with capture, greedy generation. Each request gets its
 * own {@link NDManager}, closed when it ends; no array leaves. Not thread-safe: one thread (the app's
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
    public static ModelRunner load(Checkpoint checkpoint, Device device) {
        return load(checkpoint, device, () -> false);
    }

    /**
     * Copies the checkpoint's weights to {@code device}, checking {@code cancelled} before every tensor.
     *
     * @throws java.util.concurrent.CancellationException when cancelled (nothing stays allocated)
     */
    public static ModelRunner load(Checkpoint checkpoint, Device device, BooleanSupplier cancelled) {
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

    /** Replaces the capture memory budget. */
    public void setBudget(MemoryBudget budget) {
        this.budget = budget;
    }

    /** Lets inputs longer than max_seqlen run ({@code --allow-longer}: RoPE has no hard limit). */
    public void allowLongerInputs(boolean allow) {
        this.allowLonger = allow;
    }

    /** Runs one forward pass and keeps what the request asks for. */
    public RunResult run(RunRequest request) {
        return run(request, () -> false);
    }

    /**
     * Runs one forward pass, checking {@code cancelled} before every layer.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public RunResult run(RunRequest request, BooleanSupplier cancelled) {
        ModelConfig config = checkpoint.config();
        int[] tokens = request.tokens();
        validate(config, tokens, allowLonger);
        request.capture().validateFor(config);
        request.ablation().validateFor(config);
        budget.check(config, request.capture(), tokens.length);
        long start = System.nanoTime();
        MapCapture capture = new MapCapture(request.capture(), request.activations(), cancelled);
        try (NDManager manager = weights.manager().newSubManager()) {
            NDArray logits = model.forward(manager, tokenArray(manager, tokens), capture, request.ablation()); // [1, T, V]
            float[] values = logits.toFloatArray();
            double millis = (System.nanoTime() - start) / 1e6;
            return new RunResult(tokens, values, config.vocabSize(), capture.maps(), capture.activations(), device(), millis);
        }
    }

    /**
     * Greedy decoding: appends {@code count} tokens, each the most likely after the sequence so far,
     * by full forward passes (no cache, so exactly what repeated runs give).
     *
     * @return the prompt followed by the new tokens
     */
    public int[] generate(int[] prompt, int count) {
        return generate(prompt, count, Ablation.none());
    }

    /**
     * Greedy decoding with some parts of the model switched off in every pass.
     *
     * @return the prompt followed by the new tokens
     */
    public int[] generate(int[] prompt, int count, Ablation ablation) {
        ModelConfig config = checkpoint.config();
        validate(config, prompt, allowLonger);
        ablation.validateFor(config);
        if (count < 0 || prompt.length + (long) count > (allowLonger ? MAX_TOKENS : config.maxSeqlen())) {
            throw new InvalidInputException("generating " + count + " tokens after " + prompt.length + " would exceed max_seqlen "
                    + config.maxSeqlen());
        }
        int[] sequence = Arrays.copyOf(prompt, prompt.length + count);
        for (int i = prompt.length; i < sequence.length; i++) {
            sequence[i] = nextToken(Arrays.copyOf(sequence, i), ablation);
        }
        return sequence;
    }

    private int nextToken(int[] tokens, Ablation ablation) {
        try (NDManager manager = weights.manager().newSubManager()) {
            NDArray logits = model.forward(manager, tokenArray(manager, tokens), StageSink.NONE, ablation); // [1, T, V]
            return (int) logits.get(0, tokens.length - 1).argMax().getLong();
        }
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
            throw new InvalidInputException("the input has " + tokens.length + " tokens, more than max_seqlen "
                    + config.maxSeqlen() + " (--allow-longer runs it anyway)");
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
