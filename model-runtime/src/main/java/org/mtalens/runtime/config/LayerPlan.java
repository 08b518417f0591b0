package org.mtalens.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one layer's attention runs, derived from the config exactly as the official
 * {@code BaseTransformer} builds its blocks.
 *
 * @param layer          layer index
 * @param mtaPath        false for a regular attention layer (stages scores, softmax, final)
 * @param preSoftmaxConv the key-query kernel before softmax, if this layer has one
 * @param preSoftmaxHeadMix {@code wpsm} before softmax
 * @param postSoftmaxConv the key-query kernel after softmax, if this layer has one
 * @param headConvSize   c_h of the post-softmax {@code head_kernel}, if any
 * @param postSoftmaxHeadMix {@code wposm} after softmax
 * @param groupNorm      {@code subln} after attention (every layer when configured)
 * @param gate           the output gate (every layer when configured)
 */
public record LayerPlan(int layer, boolean mtaPath, Optional<KernelShape> preSoftmaxConv, boolean preSoftmaxHeadMix,
                        Optional<KernelShape> postSoftmaxConv, Optional<Integer> headConvSize,
                        boolean postSoftmaxHeadMix, boolean groupNorm, boolean gate) {

    /** @return true when this layer runs a key-query convolution before or after softmax */
    public boolean hasKeyQueryConv() {
        return preSoftmaxConv.isPresent() || postSoftmaxConv.isPresent();
    }

    /** @return the stages this layer runs, in forward order */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        stages.add(Stage.SCORES);
        preSoftmaxConv.ifPresent(k -> stages.add(Stage.PRE_SM_CONV));
        if (preSoftmaxHeadMix) {
            stages.add(Stage.PRE_SM_HEAD_MIX);
        }
        stages.add(Stage.SOFTMAX);
        postSoftmaxConv.ifPresent(k -> stages.add(Stage.POST_SM_CONV));
        headConvSize.ifPresent(c -> stages.add(Stage.POST_SM_HEAD_CONV));
        if (postSoftmaxHeadMix) {
            stages.add(Stage.POST_SM_HEAD_MIX);
        }
        stages.add(Stage.FINAL);
        return List.copyOf(stages);
    }

    /** @return whether the layer runs {@code stage} */
    public boolean runs(Stage stage) {
        return stages().contains(stage);
    }
}
