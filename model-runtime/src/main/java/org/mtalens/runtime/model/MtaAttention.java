package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;

/**
 * One layer's attention, plain or MTA, following the official {@code Attention.forward}; every
 * stage it runs is offered to the {@link StageSink}. Dimensions: T tokens, D model dim, H heads,
 * K key/value heads, E head dim.
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
     * @param x [T, D] the normalised layer input
     * @return [T, D] the attention output after {@code wo}
     */
    NDArray forward(NDArray x, ForwardContext context, StageSink sink) {
        int tokens = (int) x.getShape().get(0);
        int heads = config.nHeads();
        int headDim = config.headDim();
        NDArray q = context.rope().apply(project(x, "wq", heads)); // [T, H, E]
        NDArray k = context.rope().apply(project(x, "wk", config.nKvHeads())); // [T, K, E]
        NDArray v = project(x, "wv", config.nKvHeads()); // [T, K, E]
        q = q.transpose(1, 0, 2); // [H, T, E]
        if (sink.wantsActivations()) {
            sink.activation(plan.layer(), "q", q);
            sink.activation(plan.layer(), "k", k.transpose(1, 0, 2)); // [K, T, E]
            sink.activation(plan.layer(), "v", v.transpose(1, 0, 2)); // [K, T, E]
        }
        k = repeatKeyValueHeads(k).transpose(1, 0, 2); // [H, T, E]
        v = repeatKeyValueHeads(v).transpose(1, 0, 2); // [H, T, E]

        NDArray scores = q.matMul(k.transpose(0, 2, 1)).mul((float) (1.0 / Math.sqrt(headDim))); // [H, T, T]
        offer(sink, Stage.SCORES, scores);
        NDArray weightsMap = plan.mtaPath() ? mtaWeights(scores, context, sink) : softmax(scores, context, sink);
        offer(sink, Stage.FINAL, weightsMap);

        NDArray perHead = weightsMap.matMul(v); // [H, T, E]
        if (sink.wantsActivations()) {
            sink.activation(plan.layer(), "attn_heads", perHead);
        }
        NDArray out = perHead.transpose(1, 0, 2); // [T, H, E]
        if (plan.groupNorm()) {
            out = Norms.rms(out, weights.get(prefix + "subln.weight"), 1e-5);
            if (config.mta().layerNormRescale()) {
                out = out.mul(Norms.depthRescale(plan.layer()));
            }
        }
        if (plan.gate()) {
            NDArray gate = Linear.linear(out, weights.get(prefix + "gate.weight"), weights.get(prefix + "gate.bias"))
                    .singletonOrThrow(); // [T, H, 1] or [T, H, E]
            out = out.mul(ai.djl.nn.Activation.sigmoid(gate));
        }
        NDArray flat = out.reshape(tokens, (long) heads * headDim); // [T, H*E]
        return Linear.linear(flat, weights.get(prefix + "wo.weight")).singletonOrThrow(); // [T, D]
    }

    private NDArray mtaWeights(NDArray scores, ForwardContext context, StageSink sink) {
        NDArray mixed = scores;
        if (plan.preSoftmaxConv().isPresent()) {
            mixed = KeyQueryConvolution.apply(mixed.mul(context.mask().keep()), weights.get(prefix + "mta_kernel"),
                    config.mta().padKey());
            offer(sink, Stage.PRE_SM_CONV, mixed);
        }
        if (plan.preSoftmaxHeadMix()) {
            mixed = HeadMixing.linear(mixed, weights.get(prefix + "wpsm.weight"));
            offer(sink, Stage.PRE_SM_HEAD_MIX, mixed);
        }
        NDArray attention = softmax(mixed, context, sink);
        if (plan.postSoftmaxConv().isPresent()) {
            attention = KeyQueryConvolution.apply(attention.mul(context.mask().keep()),
                    weights.get(prefix + "mta_kernel_after_sm"), config.mta().padKey()).mul(context.mask().keep());
            offer(sink, Stage.POST_SM_CONV, attention);
        }
        if (plan.headConvSize().isPresent()) {
            attention = HeadMixing.groupConvolution(attention, weights.get(prefix + "head_kernel"));
            offer(sink, Stage.POST_SM_HEAD_CONV, attention);
        } else if (plan.postSoftmaxHeadMix()) {
            attention = HeadMixing.linear(attention, weights.get(prefix + "wposm.weight"));
            offer(sink, Stage.POST_SM_HEAD_MIX, attention);
        }
        return attention;
    }

    private NDArray softmax(NDArray scores, ForwardContext context, StageSink sink) {
        NDArray attention = scores.add(context.mask().additive()).softmax(-1); // [H, T, T]
        offer(sink, Stage.SOFTMAX, attention);
        return attention;
    }

    private NDArray project(NDArray x, String name, int heads) {
        NDArray y = Linear.linear(x, weights.get(prefix + name + ".weight")).singletonOrThrow(); // [T, heads*E]
        return y.reshape(y.getShape().get(0), heads, config.headDim()); // [T, heads, E]
    }

    /** [T, K, E] -> [T, H, E], each key/value head repeated for its H/K query heads (lingua's repeat_kv). */
    private NDArray repeatKeyValueHeads(NDArray x) {
        int repeats = config.nHeads() / config.nKvHeads();
        if (repeats == 1) {
            return x;
        }
        Shape s = x.getShape();
        return x.expandDims(2).repeat(2, repeats).reshape(s.get(0), config.nHeads(), s.get(2));
    }

    private void offer(StageSink sink, Stage stage, NDArray maps) {
        if (sink.wants(plan.layer(), stage)) {
            sink.stage(plan.layer(), stage, maps);
        }
    }
}
