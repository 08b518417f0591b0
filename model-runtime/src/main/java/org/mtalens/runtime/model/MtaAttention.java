package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;

/**
 * One layer's attention, plain or MTA, following the official {@code Attention.forward}: project and rotate
 * Q, K, V; then, query block by query block ({@link QueryBlock}), the stages of {@link #attend}; then group
 * norm, gate and {@code wo}. Every stage it runs is offered to the {@link StageSink}. Shapes use the package's
 * dimension legend.
 */
final class MtaAttention {
    private final ModelConfig config;
    private final LayerPlan plan;
    private final Weights weights;
    private final String prefix;
    /** Rows above a query that the layer's key-query convolutions read: (c_q-1) + (c_q'-1). */
    private final int halo;

    MtaAttention(ModelConfig config, LayerPlan plan, Weights weights) {
        this.config = config;
        this.plan = plan;
        this.weights = weights;
        this.prefix = "layers." + plan.layer() + ".attention.";
        this.halo = plan.preSoftmaxConv().map(k -> k.queries() - 1).orElse(0)
                + plan.postSoftmaxConv().map(k -> k.queries() - 1).orElse(0);
    }

    /**
     * @param x        [B, T, D] the normalised layer input
     * @param ablation the parts of this layer switched off for this pass (skipped stages are not offered to the sink)
     * @return [B, T, D] the attention output after {@code wo}
     */
    NDArray forward(NDArray x, ForwardContext context, StageSink sink, Ablation ablation) {
        AttentionHeads heads = project(x, context, 0, sink); // [B, H, T, E] each
        if (sink.wantsProjections()) {
            sink.projections(plan.layer(), heads.q(), heads.k(), heads.v());
        }
        NDList blocks = new NDList();
        for (QueryBlock block : context.blocks(halo)) {
            blocks.add(attend(heads, block, context.mask(block), sink, ablation)); // [B, H, R', E]
        }
        NDArray perHead = blocks.size() == 1 ? blocks.get(0) : NDArrays.concat(blocks, 2); // [B, H, T, E]
        if (sink.wantsActivations()) {
            sink.activation(plan.layer(), "attn_heads", perHead);
        }
        return output(perHead, ablation);
    }

    /**
     * One generation step: the attention output of the one query at {@code position}, its Q, K, V added to
     * {@code cache} first.
     *
     * @param x [B, 1, D] the normalised layer input at {@code position}
     * @return [B, 1, D]
     */
    NDArray step(NDArray x, int position, LayerCache cache, ForwardContext context, Ablation ablation) {
        AttentionHeads current = project(x, context, position, StageSink.NONE); // [B, H, 1, E] each
        cache.append(current, position);
        QueryBlock block = QueryBlock.single(position, halo);
        AttentionHeads window = cache.heads(block); // queries haloStart..position, keys and values 0..position
        NDArray perHead = attend(window, block, context.maskOn(x.getManager(), block), StageSink.NONE, ablation);
        return output(perHead, ablation);
    }

    /** @return rows above a query that the layer's convolutions read (a generation cache keeps that many queries) */
    int halo() {
        return halo;
    }

    /**
     * The attention weights of the block's queries over keys 0..end-1, stage by stage in the paper's order
     * (Golovneva et al. 2025, eqs. 1-6), times V.
     *
     * @return [B, H, R', E] the weighted values of the delivered rows
     */
    private NDArray attend(AttentionHeads heads, QueryBlock block, BlockMask mask, StageSink sink, Ablation ablation) {
        AttentionStages stages = new AttentionStages(plan, weights, config.mta().padKey(), block, mask, sink, ablation,
                (int) heads.k().getShape().get(2));
        NDArray a = stages.scores(heads); //                               A = Q K^T / sqrt(E), future keys 0
        if (plan.mtaPath()) {
            a = stages.keyQueryConvolution(a, Stage.PRE_SM_CONV); //       A = Conv2d_theta(A), per head
            a = stages.headMixBeforeSoftmax(a); //                         A = W_psm A, across heads
            a = stages.softmax(a); //                                      A = Softmax(A + M)
            a = stages.keyQueryConvolution(a, Stage.POST_SM_CONV); //      A = Conv2d_theta'(A), future keys 0
            a = stages.headMixAfterSoftmax(a); //                          A = head_kernel A (groups) or W_posm A
        } else {
            a = stages.softmax(a); //                                      A = Softmax(A + M)
        }
        a = stages.finalWeights(a); //                                     heads switched off zeroed
        return stages.weightedValues(a, heads); //                         A V
    }

    /**
     * Q, K, V of {@code x}'s positions first..first+T'-1, rotated; key/value heads repeated per query head. Offers
     * them as the activations {@code q} [B, H, T', E], {@code k} and {@code v} [B, K, T', E] when the sink wants them.
     */
    private AttentionHeads project(NDArray x, ForwardContext context, int first, StageSink sink) {
        NDArray q = context.rope().apply(project(x, "wq", config.nHeads()), first); // [B, T', H, E]
        NDArray k = context.rope().apply(project(x, "wk", config.nKvHeads()), first); // [B, T', K, E]
        NDArray v = project(x, "wv", config.nKvHeads()); // [B, T', K, E]
        q = q.transpose(0, 2, 1, 3); // [B, H, T', E]
        if (sink.wantsActivations()) {
            sink.activation(plan.layer(), "q", q);
            sink.activation(plan.layer(), "k", k.transpose(0, 2, 1, 3)); // [B, K, T', E]
            sink.activation(plan.layer(), "v", v.transpose(0, 2, 1, 3)); // [B, K, T', E]
        }
        k = repeatKeyValueHeads(k).transpose(0, 2, 1, 3); // [B, H, T', E]
        v = repeatKeyValueHeads(v).transpose(0, 2, 1, 3); // [B, H, T', E]
        return new AttentionHeads(q, k, v, first);
    }

    private NDArray project(NDArray x, String name, int heads) {
        NDArray y = Linear.linear(x, weights.get(prefix + name + ".weight")).singletonOrThrow(); // [B, T', heads*E]
        return y.reshape(y.getShape().get(0), y.getShape().get(1), heads, config.headDim()); // [B, T', heads, E]
    }

    /** [B, T', K, E] -> [B, T', H, E], each key/value head repeated for its H/K query heads (lingua's repeat_kv). */
    private NDArray repeatKeyValueHeads(NDArray x) {
        int repeats = config.nHeads() / config.nKvHeads();
        if (repeats == 1) {
            return x;
        }
        Shape s = x.getShape();
        return x.expandDims(3).repeat(3, repeats).reshape(s.get(0), s.get(1), config.nHeads(), s.get(3)); // [B, T', H, E]
    }

    /** Group norm (per head), gate and {@code wo}: [B, H, T', E] -> [B, T', D]. */
    private NDArray output(NDArray perHead, Ablation ablation) {
        int layer = plan.layer();
        Shape shape = perHead.getShape();
        NDArray out = perHead.transpose(0, 2, 1, 3); // [B, T', H, E]
        if (plan.groupNorm() && !ablation.layerOff(layer, AblatedPart.GROUP_NORM)) {
            out = Norms.rms(out, weights.get(prefix + "subln.weight"), 1e-5);
            if (config.mta().layerNormRescale()) {
                out = out.mul(Norms.depthRescale(layer));
            }
        }
        if (plan.gate() && !ablation.layerOff(layer, AblatedPart.GATE)) {
            NDArray gate = Linear.linear(out, weights.get(prefix + "gate.weight"), weights.get(prefix + "gate.bias"))
                    .singletonOrThrow(); // [B, T', H, 1] or [B, T', H, E]
            out = out.mul(ai.djl.nn.Activation.sigmoid(gate));
        }
        NDArray flat = out.reshape(shape.get(0), shape.get(2), shape.get(1) * shape.get(3)); // [B, T', H*E]
        return Linear.linear(flat, weights.get(prefix + "wo.weight")).singletonOrThrow(); // [B, T', D]
    }
}
