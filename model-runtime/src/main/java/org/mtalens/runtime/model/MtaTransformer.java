package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;

/**
 * The MTA language model's forward pass (the official {@code LMTransformer}) over DJL arrays. The one
 * implementation: inference, replays of one layer, generation steps and the toy-task trainer all run it.
 * Shapes use the package's dimension legend.
 */
public final class MtaTransformer {
    private final ModelConfig config;
    private final Weights weights;
    private final List<MtaAttention> attention = new ArrayList<>();

    public MtaTransformer(ModelConfig config, Weights weights) {
        this.config = config;
        this.weights = weights;
        for (LayerPlan plan : config.layerPlans()) {
            attention.add(new MtaAttention(config, plan, weights));
        }
    }

    /** @return the config this model runs */
    public ModelConfig config() {
        return config;
    }

    /** Runs without capturing anything. @see #forward(NDManager, NDArray, StageSink, Ablation, LogitRows) */
    public NDArray forward(NDManager manager, NDArray tokens) {
        return forward(manager, tokens, StageSink.NONE);
    }

    /** The intact model, logits of every position. @see #forward(NDManager, NDArray, StageSink, Ablation, LogitRows) */
    public NDArray forward(NDManager manager, NDArray tokens, StageSink sink) {
        return forward(manager, tokens, sink, Ablation.none(), LogitRows.all());
    }

    /** Logits of every position. @see #forward(NDManager, NDArray, StageSink, Ablation, LogitRows) */
    public NDArray forward(NDManager manager, NDArray tokens, StageSink sink, Ablation ablation) {
        return forward(manager, tokens, sink, ablation, LogitRows.all());
    }

    /**
     * @param manager  where the pass's arrays live (the caller closes it)
     * @param tokens   [B, T] int64 token ids, attached to {@code manager}
     * @param ablation the parts switched off for this pass (the weights are not modified)
     * @param rows     the positions to compute logits for
     * @return [B, T', V] logits of those positions, attached to {@code manager}
     */
    public NDArray forward(NDManager manager, NDArray tokens, StageSink sink, Ablation ablation, LogitRows rows) {
        NDArray h = embed(manager, tokens); // [B, T, D]
        if (sink.wantsActivations()) {
            sink.activation(-1, "embed", h);
        }
        return forwardFrom(manager, 0, h, sink, ablation, rows);
    }

    /** @return [B, T, D] the token embeddings of {@code tokens} [B, T] */
    NDArray embed(NDManager manager, NDArray tokens) {
        return Embedding.embedding(tokens, weights.get("tok_embeddings.weight"), SparseFormat.DENSE).singletonOrThrow();
    }

    /**
     * The pass from layer {@code first} on, given the residual stream entering it (a trace's, to re-run only
     * the layers an ablation changes).
     *
     * @param x [B, T, D] the residual stream entering layer {@code first}, attached to {@code manager}
     * @return [B, T', V] logits of the asked positions
     */
    NDArray forwardFrom(NDManager manager, int first, NDArray x, StageSink sink, Ablation ablation, LogitRows rows) {
        int length = (int) x.getShape().get(1);
        ForwardContext context = ForwardContext.of(manager, length, config);
        NDArray h = x;
        for (int layer = first; layer < config.nLayers(); layer++) {
            if (sink.wantsResidual()) {
                sink.residual(layer, h);
            }
            sink.layerStarted(layer);
            h = scopedBlock(manager, layer, h, context, sink, ablation);
            sink.layerFinished(layer);
        }
        if (sink.wantsResidual()) {
            sink.residual(config.nLayers(), h);
        }
        return logits(select(h, rows.resolve(length)), sink);
    }

    /**
     * Replays one layer's attention from the residual stream entering it: the same operations in the same
     * order as in the whole pass, so the sink gets the same maps.
     *
     * @param x [B, T, D] the residual stream entering {@code layer}, attached to {@code manager}
     */
    void replayAttention(NDManager manager, int layer, NDArray x, StageSink sink, Ablation ablation) {
        ForwardContext context = ForwardContext.of(manager, (int) x.getShape().get(1), config);
        sink.layerStarted(layer);
        String prefix = "layers." + layer + ".";
        attention.get(layer).forward(norm(layer, x, prefix + "attention_norm.weight"), context, sink, ablation);
        sink.layerFinished(layer);
    }

    /**
     * One generation step: the token at {@code position} through every layer, its queries, keys and values
     * added to {@code cache}.
     *
     * @param context a context covering every position of the generation
     * @return [1, 1, V] the logits of the next token
     */
    NDArray step(NDManager manager, int token, int position, DecodeCache cache, ForwardContext context, Ablation ablation) {
        NDArray h = embed(manager, manager.create(new long[] {token}, new Shape(1, 1))); // [1, 1, D]
        for (int layer = 0; layer < config.nLayers(); layer++) {
            String prefix = "layers." + layer + ".";
            NDArray attended = attention.get(layer).step(norm(layer, h, prefix + "attention_norm.weight"), position,
                    cache.layer(layer), context, ablation);
            h = h.add(attended); // [1, 1, D]
            h = h.add(feedForward(prefix, norm(layer, h, prefix + "ffn_norm.weight"))); // [1, 1, D]
        }
        return logits(h, StageSink.NONE);
    }

    /**
     * @param hidden [B, T', D] the residual stream leaving the last layer, at some positions
     * @return [B, T', V] their logits
     */
    NDArray logits(NDArray hidden, StageSink sink) {
        NDArray normed = Norms.rms(hidden, weights.get("norm.weight"), config.normEps()); // [B, T', D]
        if (sink.wantsActivations()) {
            sink.activation(-1, "final_norm", normed);
        }
        String output = config.weightTying() ? "tok_embeddings.weight" : "output.weight";
        return Linear.linear(normed, weights.get(output)).singletonOrThrow(); // [B, T', V]
    }

    /** @return [B, T', D] the rows of {@code h} [B, T, D] at {@code positions} (a few, sorted), or {@code h} for null */
    private static NDArray select(NDArray h, int[] positions) {
        if (positions == null) {
            return h;
        }
        NDList rows = new NDList();
        for (int p : positions) {
            rows.add(h.get(":, {}:{}, :", p, p + 1)); // [B, 1, D]
        }
        return rows.size() == 1 ? rows.get(0) : NDArrays.concat(rows, 1); // [B, T', D]
    }

    /** @return the halo of {@code layer}: query rows above a query that its key-query convolutions read */
    int halo(int layer) {
        return attention.get(layer).halo();
    }

    /** Runs one block in its own scope: its intermediates are freed when it ends, only its output stays. */
    private NDArray scopedBlock(NDManager manager, int layer, NDArray x, ForwardContext context, StageSink sink,
                                Ablation ablation) {
        try (NDManager scope = manager.newSubManager()) {
            x.tempAttach(scope); // results of operations on x now live in scope; x returns to manager afterwards
            NDArray out = block(layer, x, context, sink, ablation);
            out.attach(manager);
            return out;
        }
    }

    private NDArray block(int layer, NDArray x, ForwardContext context, StageSink sink, Ablation ablation) {
        String prefix = "layers." + layer + ".";
        NDArray attended = attention.get(layer).forward(norm(layer, x, prefix + "attention_norm.weight"), context, sink,
                ablation);
        NDArray h = x.add(attended); // [B, T, D]
        NDArray out = h.add(feedForward(prefix, norm(layer, h, prefix + "ffn_norm.weight"))); // [B, T, D]
        if (sink.wantsActivations()) {
            sink.activation(layer, "attn_output", attended);
            sink.activation(layer, "block_output", out);
        }
        return out;
    }

    private NDArray norm(int layer, NDArray x, String weight) {
        NDArray normed = Norms.rms(x, weights.get(weight), config.normEps());
        return config.mta().curseNorm() ? normed.mul(Norms.depthRescale(layer)) : normed;
    }

    /** SwiGLU: {@code w2(silu(w1 x) * w3 x)}; [B, T, D] -> [B, T, D] through [B, T, F]. */
    private NDArray feedForward(String prefix, NDArray x) {
        NDArray gate = Linear.linear(x, weights.get(prefix + "feed_forward.w1.weight")).singletonOrThrow(); // [B, T, F]
        NDArray up = Linear.linear(x, weights.get(prefix + "feed_forward.w3.weight")).singletonOrThrow(); // [B, T, F]
        NDArray silu = gate.mul(ai.djl.nn.Activation.sigmoid(gate));
        return Linear.linear(silu.mul(up), weights.get(prefix + "feed_forward.w2.weight")).singletonOrThrow(); // [B, T, D]
    }
}
