package org.mtalens.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The official {@code MTATransformerArgs}. A kernel size of {@code null} means "no such kernel"
 * (the official code tests for None); absent fields take the official defaults.
 *
 * @param mtaLayers layers with key-query convolution; empty = every layer (official {@code mta_layers: None})
 */
public record MtaConfig(
        @JsonProperty("use_mta") boolean useMta,
        @JsonProperty("query_kernel_size") Integer queryKernelSize,
        @JsonProperty("key_kernel_size") Integer keyKernelSize,
        @JsonProperty("pad_key") PadKey padKey,
        @JsonProperty("mta_layers") Optional<List<Integer>> mtaLayers,
        @JsonProperty("after_sm_query_kernel_size") Integer afterSmQueryKernelSize,
        @JsonProperty("after_sm_key_kernel_size") Integer afterSmKeyKernelSize,
        @JsonProperty("init_method") String initMethod,
        @JsonProperty("head_kernel_size") Integer headKernelSize,
        @JsonProperty("group_norm") boolean groupNorm,
        @JsonProperty("layer_norm_rescale") boolean layerNormRescale,
        @JsonProperty("curse_norm") boolean curseNorm,
        @JsonProperty("pre_sm_linear_head") boolean preSmLinearHead,
        @JsonProperty("post_sm_linear_head") boolean postSmLinearHead,
        @JsonProperty("add_gating") boolean addGating,
        @JsonProperty("gate_1d") boolean gate1d) {

    /** The official defaults: MTA off, 1x1 kernels, {@code pad_key: both}. */
    public static MtaConfig defaults() {
        return new MtaConfig(false, 1, 1, PadKey.BOTH, Optional.empty(), null, null, "identity", null,
                false, false, false, false, false, false, true);
    }

    /** @return the pre-softmax kernel shape when both sizes are set */
    public Optional<KernelShape> preSoftmaxKernel() {
        return queryKernelSize != null && keyKernelSize != null
                ? Optional.of(new KernelShape(queryKernelSize, keyKernelSize)) : Optional.empty();
    }

    /** @return the post-softmax kernel shape when both sizes are set */
    public Optional<KernelShape> postSoftmaxKernel() {
        return afterSmQueryKernelSize != null && afterSmKeyKernelSize != null
                ? Optional.of(new KernelShape(afterSmQueryKernelSize, afterSmKeyKernelSize)) : Optional.empty();
    }

    /** @return true when some head mixing (head conv or a linear head) is configured */
    public boolean mixesHeads() {
        return headKernelSize != null || preSmLinearHead || postSmLinearHead;
    }

    /** @return a copy with MTA switched off entirely (the plain-attention baseline of the same model) */
    public MtaConfig withoutMta() {
        return new MtaConfig(false, queryKernelSize, keyKernelSize, padKey, mtaLayers, afterSmQueryKernelSize,
                afterSmKeyKernelSize, initMethod, headKernelSize, groupNorm, layerNormRescale, curseNorm,
                preSmLinearHead, postSmLinearHead, addGating, gate1d);
    }
}
