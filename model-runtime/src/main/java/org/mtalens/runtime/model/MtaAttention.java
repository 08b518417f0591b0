package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.Set;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;

/**
 * One layer's attention, plain or MTA, following the official {@code Attention.forward}; every
 * stage it runs is offered to the {@link StageSink}. Dimensions: B batch, T tokens, D model dim,
 * H heads, K key/value heads, E head dim.
 */
final class MtaAttention {
    private final ModelConfig config;
    private final LayerPlan plan;
    private final Weights weights;
    private final String prefix;

    MtaAttention(ModelConfig config, LayerPlan plan, Weights weights) {
        this.config = config;
        this.plan = plan;
        this.weights = weights;
        this.prefix = "layers." + plan.layer() + ".attention.";
    }

    /**
     * @param x        [B, T, D] the normalised layer input
     * @param ablation the parts of this layer switched off for this pass (skipped stages are not offered to the sink)
     * @return [B, T, D] the attention output after {@code wo}
     */
    NDArray forward(NDArray x, ForwardContext context, StageSink sink, Ablation ablation) {
        int layer = plan.layer();
        long batch = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        int heads = config.nHeads();
        int headDim = config.headDim();
        NDArray q = context.rope().apply(project(x, "wq", heads)); // [B, T, H, E]
        NDArray k = context.rope().apply(project(x, "wk", config.nKvHeads())); // [B, T, K, E]
        NDArray v = project(x, "wv", config.nKvHeads()); // [B, T, K, E]
        q = q.transpose(0, 2, 1, 3); // [B, H, T, E]
        if (sink.wantsActivations()) {
            sink.activation(plan.layer(), "q", q);
            sink.activation(plan.layer(), "k", k.transpose(0, 2, 1, 3)); // [B, K, T, E]
            sink.activation(plan.layer(), "v", v.transpose(0, 2, 1, 3)); // [B, K, T, E]
        }
        k = repeatKeyValueHeads(k).transpose(0, 2, 1, 3); // [B, H, T, E]
        v = repeatKeyValueHeads(v).transpose(0, 2, 1, 3); // [B, H, T, E]

        NDArray dot = q.matMul(k.transpose(0, 1, 3, 2)); // [B, H, T, T]
        NDArray scores = replace(dot, dot.mul(context.mask().scale())); // [B, H, T, T] scaled, future entries 0
        offer(sink, Stage.SCORES, scores);
        NDArray weightsMap = plan.mtaPath() ? mtaWeights(scores, context, sink, ablation) : softmax(scores, context, sink);
        scores.close();
        weightsMap = zeroHeads(weightsMap, ablation.headsOff(layer, AblatedPart.HEAD));
        offer(sink, Stage.FINAL, weightsMap);

        NDArray perHead = replace(weightsMap, weightsMap.matMul(v)); // [B, H, T, E]
        if (sink.wantsActivations()) {
            sink.activation(plan.layer(), "attn_heads", perHead);
        }
        NDArray out = perHead.transpose(0, 2, 1, 3); // [B, T, H, E]
        if (plan.groupNorm() && !ablation.layerOff(layer, AblatedPart.GROUP_NORM)) {
            out = Norms.rms(out, weights.get(prefix + "subln.weight"), 1e-5);
            if (config.mta().layerNormRescale()) {
                out = out.mul(Norms.depthRescale(plan.layer()));
            }
        }
        if (plan.gate() && !ablation.layerOff(layer, AblatedPart.GATE)) {
            NDArray gate = Linear.linear(out, weights.get(prefix + "gate.weight"), weights.get(prefix + "gate.bias"))
                    .singletonOrThrow(); // [B, T, H, 1] or [B, T, H, E]
            out = out.mul(ai.djl.nn.Activation.sigmoid(gate));
        }
        NDArray flat = out.reshape(batch, tokens, (long) heads * headDim); // [B, T, H*E]
        return Linear.linear(flat, weights.get(prefix + "wo.weight")).singletonOrThrow(); // [B, T, D]
    }

    /**
     * The MTA stages from scores to the final weights. Each [B, H, T, T] array is closed as soon as the
     * next stage has replaced it (the caller closes {@code scores}), so a layer holds a few maps at a time.
     * A stage the ablation switches off is skipped: the previous map flows on.
     */
    private NDArray mtaWeights(NDArray scores, ForwardContext context, StageSink sink, Ablation ablation) {
        int layer = plan.layer();
        NDArray mixed = scores;
        if (plan.preSoftmaxConv().isPresent() && !ablation.layerOff(layer, AblatedPart.PRE_SM_CONV)) {
            mixed = convolve(mixed, prefix + "mta_kernel", ablation.headsOff(layer, AblatedPart.PRE_SM_CONV), null);
            offer(sink, Stage.PRE_SM_CONV, mixed);
        }
        if (plan.preSoftmaxHeadMix() && !ablation.layerOff(layer, AblatedPart.PRE_SM_HEAD_MIX)) {
            mixed = replace(mixed, HeadMixing.linear(mixed, weights.get(prefix + "wpsm.weight")), scores);
            offer(sink, Stage.PRE_SM_HEAD_MIX, mixed);
        }
        NDArray attention = replace(mixed, softmax(mixed, context, sink), scores);
        if (plan.postSoftmaxConv().isPresent() && !ablation.layerOff(layer, AblatedPart.POST_SM_CONV)) {
            attention = replace(attention, convolve(attention, prefix + "mta_kernel_after_sm",
                    ablation.headsOff(layer, AblatedPart.POST_SM_CONV), context.mask().keep())); // re-masked
            offer(sink, Stage.POST_SM_CONV, attention);
        }
        if (ablation.layerOff(layer, AblatedPart.POST_SM_HEAD_MIX)) {
            return attention;
        }
        if (plan.headConvSize().isPresent()) {
            attention = replace(attention, HeadMixing.groupConvolutionReplacing(attention, weights.get(prefix + "head_kernel")));
            offer(sink, Stage.POST_SM_HEAD_CONV, attention);
        } else if (plan.postSoftmaxHeadMix()) {
            attention = replace(attention, HeadMixing.linear(attention, weights.get(prefix + "wposm.weight")));
            offer(sink, Stage.POST_SM_HEAD_MIX, attention);
        }
        return attention;
    }

    /**
     * The key-query convolution. Its input's future entries are already 0, as the official code makes
     * them: the scores were masked when scaled, and softmax gives exactly 0 for the -inf entries. The
     * result may be {@code maps} itself, overwritten (see {@link KeyQueryConvolution#replacing}).
     *
     * @param keep [T, T] the causal 0/1 mask to re-mask the result with, or null to leave its future entries as they come
     */
    private NDArray convolve(NDArray maps, String kernel, Set<Integer> identityHeads, NDArray keep) {
        NDArray stored = weights.get(kernel);
        if (identityHeads.isEmpty()) {
            return convolve(maps, stored, keep);
        }
        try (NDArray ablated = IdentityKernels.replace(stored, identityHeads, config.mta().padKey(), maps.getManager())) {
            return convolve(maps, ablated, keep);
        }
    }

    private NDArray convolve(NDArray maps, NDArray kernel, NDArray keep) {
        return KeyQueryConvolution.replacing(maps, kernel, config.mta().padKey(), keep);
    }

    /** The final weights with the given heads' maps multiplied by 0 (a new array; {@code maps} is closed). */
    private static NDArray zeroHeads(NDArray maps, Set<Integer> heads) {
        if (heads.isEmpty()) {
            return maps;
        }
        float[] keep = new float[(int) maps.getShape().get(1)];
        java.util.Arrays.fill(keep, 1f);
        heads.forEach(h -> keep[h] = 0f);
        try (NDArray mask = maps.getManager().create(keep, new Shape(1, keep.length, 1, 1))) { // [1, H, 1, 1]
            return replace(maps, maps.mul(mask));
        }
    }

    /** Softmax over keys of {@code scores} + the causal -inf mask, added in place (the caller is done with the scores). */
    private NDArray softmax(NDArray scores, ForwardContext context, StageSink sink) {
        NDArray attention = scores.addi(context.mask().additive()).softmax(-1); // [B, H, T, T]
        offer(sink, Stage.SOFTMAX, attention);
        return attention;
    }

    /** Closes {@code used} (a transient map nothing else reads) and returns its successor (which may be {@code used}, overwritten). */
    private static NDArray replace(NDArray used, NDArray next) {
        if (used != next) {
            used.close();
        }
        return next;
    }

    /** As {@link #replace(NDArray, NDArray)}, but never closes {@code kept}. */
    private static NDArray replace(NDArray used, NDArray next, NDArray kept) {
        if (used != kept && used != next) {
            used.close();
        }
        return next;
    }

    private NDArray project(NDArray x, String name, int heads) {
        NDArray y = Linear.linear(x, weights.get(prefix + name + ".weight")).singletonOrThrow(); // [B, T, heads*E]
        return y.reshape(y.getShape().get(0), y.getShape().get(1), heads, config.headDim()); // [B, T, heads, E]
    }

    /** [B, T, K, E] -> [B, T, H, E], each key/value head repeated for its H/K query heads (lingua's repeat_kv). */
    private NDArray repeatKeyValueHeads(NDArray x) {
        int repeats = config.nHeads() / config.nKvHeads();
        if (repeats == 1) {
            return x;
        }
        Shape s = x.getShape();
        return x.expandDims(3).repeat(3, repeats).reshape(s.get(0), s.get(1), config.nHeads(), s.get(3));
    }

    private void offer(StageSink sink, Stage stage, NDArray maps) {
        if (sink.wants(plan.layer(), stage)) {
            sink.stage(plan.layer(), stage, maps);
        }
    }
}
