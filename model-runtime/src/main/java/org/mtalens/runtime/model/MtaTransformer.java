package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;

/**
 * The MTA language model's forward pass (the official {@code LMTransformer}) over DJL arrays. The one
 * implementation: inference and the toy-task trainer both run it. Dimensions: B batch, T tokens,
 * D model dim, F feed-forward dim, V vocabulary.
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

    /** Runs without capturing anything. @see #forward(NDManager, NDArray, StageSink) */
    public NDArray forward(NDManager manager, NDArray tokens) {
        return forward(manager, tokens, StageSink.NONE);
    }

    /**
     * @param manager where the pass's arrays live (the caller closes it)
     * @param tokens  [B, T] int64 token ids, attached to {@code manager}
     * @return [B, T, V] logits, attached to {@code manager}
     */
    public NDArray forward(NDManager manager, NDArray tokens, StageSink sink) {
        return forward(manager, tokens, sink, Ablation.none());
    }

    /**
     * @param manager  where the pass's arrays live (the caller closes it)
     * @param tokens   [B, T] int64 token ids, attached to {@code manager}
     * @param ablation the parts switched off for this pass (the weights are not modified)
     * @return [B, T, V] logits, attached to {@code manager}
     */
    public NDArray forward(NDManager manager, NDArray tokens, StageSink sink, Ablation ablation) {
        int length = (int) tokens.getShape().get(1);
        ForwardContext context = ForwardContext.of(manager, length, config.headDim(), config.ropeTheta());
        NDArray h = Embedding.embedding(tokens, weights.get("tok_embeddings.weight"), SparseFormat.DENSE)
                .singletonOrThrow(); // [B, T, D]
        if (sink.wantsActivations()) {
            sink.activation(-1, "embed", h);
        }
        for (int layer = 0; layer < config.nLayers(); layer++) {
            sink.layerStarted(layer);
            h = scopedBlock(manager, layer, h, context, sink, ablation);
            sink.layerFinished(layer);
        }
        NDArray normed = Norms.rms(h, weights.get("norm.weight"), config.normEps()); // [B, T, D]
        if (sink.wantsActivations()) {
            sink.activation(-1, "final_norm", normed);
        }
        String output = config.weightTying() ? "tok_embeddings.weight" : "output.weight";
        return Linear.linear(normed, weights.get(output)).singletonOrThrow(); // [B, T, V]
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
