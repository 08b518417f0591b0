package org.mtalens.runtime.model;

import java.util.Arrays;
import java.util.Optional;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;

/**
 * A weight of a layer's attention that a {@link WeightEdit} can replace, named as in the {@code --set} syntax:
 * one head's key-query kernel ({@code pre_sm_conv}, {@code post_sm_conv}: c_q x c_k), a head-mixing matrix
 * ({@code wpsm}, {@code wposm}: H x H, [destination, source]) or one group's head kernel ({@code head_kernel}:
 * c_h x c_h, [source, destination]), each in the checkpoint's own orientation.
 */
public enum EditablePart {
    /** One head's pre-softmax key-query kernel, {@code mta_kernel[h, 0]}. */
    PRE_SM_CONV("pre_sm_conv", "mta_kernel", "head"),
    /** One head's post-softmax key-query kernel, {@code mta_kernel_after_sm[h, 0]}. */
    POST_SM_CONV("post_sm_conv", "mta_kernel_after_sm", "head"),
    /** The pre-softmax head mixing {@code wpsm.weight}. */
    WPSM("wpsm", "wpsm.weight", null),
    /** The post-softmax head mixing {@code wposm.weight}. */
    WPOSM("wposm", "wposm.weight", null),
    /** One group's post-softmax head kernel, {@code head_kernel[g]}. */
    HEAD_KERNEL("head_kernel", "head_kernel", "group");

    private final String id;
    private final String tensor;
    private final String indexName;

    EditablePart(String id, String tensor, String indexName) {
        this.id = id;
        this.tensor = tensor;
        this.indexName = indexName;
    }

    /** @return the name in the {@code --set} syntax */
    public String id() {
        return id;
    }

    /** @return the checkpoint key of this part's tensor in {@code layer} */
    public String tensorKey(int layer) {
        return "layers." + layer + ".attention." + tensor;
    }

    /** @return "head" or "group" for a part edited one head or group at a time, empty for a whole matrix */
    public Optional<String> indexName() {
        return Optional.ofNullable(indexName);
    }

    /** @return whether a layer with this plan has the part */
    public boolean presentIn(LayerPlan plan) {
        return switch (this) {
            case PRE_SM_CONV -> plan.preSoftmaxConv().isPresent();
            case POST_SM_CONV -> plan.postSoftmaxConv().isPresent();
            case WPSM -> plan.preSoftmaxHeadMix();
            case WPOSM -> plan.postSoftmaxHeadMix();
            case HEAD_KERNEL -> plan.headConvSize().isPresent();
        };
    }

    /** @return how many heads or groups the part has in a layer with this plan (1 for a whole matrix) */
    public int count(LayerPlan plan, ModelConfig config) {
        return switch (this) {
            case PRE_SM_CONV, POST_SM_CONV -> config.nHeads();
            case HEAD_KERNEL -> config.nHeads() / plan.headConvSize().orElseThrow();
            case WPSM, WPOSM -> 1;
        };
    }

    /** @return {rows, columns} of one edit of this part in a layer with this plan */
    public int[] shape(LayerPlan plan, ModelConfig config) {
        return switch (this) {
            case PRE_SM_CONV -> kernel(plan.preSoftmaxConv().orElseThrow());
            case POST_SM_CONV -> kernel(plan.postSoftmaxConv().orElseThrow());
            case WPSM, WPOSM -> new int[] {config.nHeads(), config.nHeads()};
            case HEAD_KERNEL -> new int[] {plan.headConvSize().orElseThrow(), plan.headConvSize().orElseThrow()};
        };
    }

    private static int[] kernel(org.mtalens.runtime.config.KernelShape shape) {
        return new int[] {shape.queries(), shape.keys()};
    }

    /** @return the part named {@code id} (case-sensitive, as printed) */
    public static Optional<EditablePart> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
