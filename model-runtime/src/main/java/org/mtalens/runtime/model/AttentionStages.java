package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Set;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.PadKey;
import org.mtalens.runtime.config.Stage;

/**
 * The stages of one layer's attention over one query block, each a small step: compute the stage (unless the
 * ablation switches it off: then the map flows on unchanged), offer its exact rows to the sink, free the
 * stage before it. Each method takes ownership of the map it is given and returns the next one (which may be
 * the same array, overwritten in place). Shapes: [B, H, R, S] for maps.
 */
final class AttentionStages {
    private final LayerPlan plan;
    private final Weights weights;
    private final PadKey padKey;
    private final String prefix;
    private final QueryBlock block;
    private final BlockMask mask;
    private final StageSink sink;
    private final Ablation ablation;
    private final int tokens;

    /** @param tokens T, the length of the pass */
    AttentionStages(LayerPlan plan, Weights weights, PadKey padKey, QueryBlock block, BlockMask mask, StageSink sink,
                    Ablation ablation, int tokens) {
        this.tokens = tokens;
        this.plan = plan;
        this.weights = weights;
        this.padKey = padKey;
        this.prefix = "layers." + plan.layer() + ".attention.";
        this.block = block;
        this.mask = mask;
        this.sink = sink;
        this.ablation = ablation;
    }

    /** {@code scores}: Q K^T / sqrt(E) with future keys 0 (as the official code leaves them for the convolution). */
    NDArray scores(AttentionHeads heads) {
        NDArray dot = heads.queries(block).matMul(heads.keys(block).transpose(0, 1, 3, 2)); // [B, H, R, S]
        return offered(Stage.SCORES, replaced(dot, dot.mul(mask.scale())));
    }

    /** {@code pre_sm_conv} / {@code post_sm_conv}: the depthwise key-query convolution with the layer's kernel. */
    NDArray keyQueryConvolution(NDArray maps, Stage stage) {
        boolean afterSoftmax = stage == Stage.POST_SM_CONV;
        boolean present = (afterSoftmax ? plan.postSoftmaxConv() : plan.preSoftmaxConv()).isPresent();
        AblatedPart part = afterSoftmax ? AblatedPart.POST_SM_CONV : AblatedPart.PRE_SM_CONV;
        if (!present || ablation.layerOff(plan.layer(), part)) {
            return maps;
        }
        NDArray keep = afterSoftmax ? mask.keep() : null; // after softmax the result is re-masked to 0
        String kernel = prefix + (afterSoftmax ? "mta_kernel_after_sm" : "mta_kernel");
        return offered(stage, replaced(maps, convolve(maps, kernel, ablation.headsOff(plan.layer(), part), keep)));
    }

    /** {@code pre_sm_head_mix}: the scores mixed across heads by {@code wpsm}. */
    NDArray headMixBeforeSoftmax(NDArray maps) {
        if (!plan.preSoftmaxHeadMix() || ablation.layerOff(plan.layer(), AblatedPart.PRE_SM_HEAD_MIX)) {
            return maps;
        }
        return offered(Stage.PRE_SM_HEAD_MIX, replaced(maps, HeadMixing.linear(maps, weights.get(prefix + "wpsm.weight"))));
    }

    /** {@code softmax} over keys, the future masked with -inf (added in place: the scores are not read again). */
    NDArray softmax(NDArray maps) {
        return offered(Stage.SOFTMAX, replaced(maps, maps.addi(mask.additive()).softmax(-1)));
    }

    /**
     * {@code post_sm_head_conv} (groups of c_h heads mixed by {@code head_kernel}) or {@code post_sm_head_mix}
     * (all heads mixed by {@code wposm}), whichever the layer has.
     */
    NDArray headMixAfterSoftmax(NDArray maps) {
        if (ablation.layerOff(plan.layer(), AblatedPart.POST_SM_HEAD_MIX)) {
            return maps;
        }
        if (plan.headConvSize().isPresent()) {
            NDArray kernel = weights.get(prefix + "head_kernel");
            return offered(Stage.POST_SM_HEAD_CONV, replaced(maps, HeadMixing.groupConvolutionReplacing(maps, kernel,
                    block.haloStart())));
        }
        if (plan.postSoftmaxHeadMix()) {
            return offered(Stage.POST_SM_HEAD_MIX, replaced(maps, HeadMixing.linear(maps, weights.get(prefix + "wposm.weight"))));
        }
        return maps;
    }

    /** {@code final}: the map that multiplies V, with the heads the ablation switches off zeroed. */
    NDArray finalWeights(NDArray maps) {
        Set<Integer> off = ablation.headsOff(plan.layer(), AblatedPart.HEAD);
        if (off.isEmpty()) {
            return offered(Stage.FINAL, maps);
        }
        float[] keep = new float[(int) maps.getShape().get(1)];
        java.util.Arrays.fill(keep, 1f);
        off.forEach(h -> keep[h] = 0f);
        try (NDArray headMask = maps.getManager().create(keep, new Shape(1, keep.length, 1, 1))) { // [1, H, 1, 1]
            return offered(Stage.FINAL, replaced(maps, maps.mul(headMask)));
        }
    }

    /** @return [B, H, R', E] the weighted values of the delivered rows (the halo dropped); {@code maps} is freed */
    NDArray weightedValues(NDArray maps, AttentionHeads heads) {
        NDArray delivered = block.haloRows() == 0 ? maps : maps.get(":, :, " + block.haloRows() + ":"); // [B, H, R', S]
        NDArray out = delivered.matMul(heads.values(block)); // [B, H, R', E]
        if (delivered != maps) {
            delivered.close();
        }
        maps.close();
        return out;
    }

    private NDArray convolve(NDArray maps, String kernelName, Set<Integer> identityHeads, NDArray keep) {
        NDArray stored = weights.get(kernelName);
        if (identityHeads.isEmpty()) {
            return KeyQueryConvolution.replacing(maps, stored, padKey, keep, block.haloStart());
        }
        try (NDArray kernel = IdentityKernels.replace(stored, identityHeads, padKey, maps.getManager())) {
            return KeyQueryConvolution.replacing(maps, kernel, padKey, keep, block.haloStart());
        }
    }

    private NDArray offered(Stage stage, NDArray maps) {
        if (sink.wants(plan.layer(), stage)) {
            sink.stage(plan.layer(), stage, new StageRows(maps, block.haloStart(), block.first(), block.end(), tokens));
        }
        return maps;
    }

    /** Frees {@code used} (a map nothing reads any more) unless it is {@code next} itself, overwritten; returns {@code next}. */
    private static NDArray replaced(NDArray used, NDArray next) {
        if (used != next) {
            used.close();
        }
        return next;
    }
}
