package org.mtalens.runtime.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;

/**
 * A part of a layer's attention that an {@link Ablation} can switch off, named as in the
 * {@code --ablate} syntax. The two convolutions can also be switched off for one head (its kernel
 * becomes the identity kernel); {@link #HEAD} only exists per head (the whole head is zeroed).
 */
public enum AblatedPart {
    /** The pre-softmax key-query convolution ({@code mta_kernel}). */
    PRE_SM_CONV("pre_sm_conv"),
    /** The post-softmax key-query convolution ({@code mta_kernel_after_sm}). */
    POST_SM_CONV("post_sm_conv"),
    /** The pre-softmax head mixing ({@code wpsm}). */
    PRE_SM_HEAD_MIX("pre_sm_head_mix"),
    /** The post-softmax head mixing ({@code head_kernel} or {@code wposm}); also spelt {@code post_sm_head_conv}. */
    POST_SM_HEAD_MIX("post_sm_head_mix"),
    /** The group norm after attention ({@code subln}). */
    GROUP_NORM("group_norm"),
    /** The output gate. */
    GATE("gate"),
    /** A whole head: its final weights, hence its output, are 0. Per head only. */
    HEAD("head");

    private final String id;

    AblatedPart(String id) {
        this.id = id;
    }

    /** @return the name in the {@code --ablate} syntax */
    public String id() {
        return id;
    }

    /** @return whether this part can be switched off for a single head */
    public boolean perHead() {
        return this == PRE_SM_CONV || this == POST_SM_CONV || this == HEAD;
    }

    /** @return whether this part belongs to MTA itself (a convolution or a head mixing) */
    public boolean mta() {
        return this == PRE_SM_CONV || this == POST_SM_CONV || this == PRE_SM_HEAD_MIX || this == POST_SM_HEAD_MIX;
    }

    /** @return whether a layer with this plan runs the part */
    public boolean presentIn(LayerPlan plan) {
        return switch (this) {
            case PRE_SM_CONV -> plan.preSoftmaxConv().isPresent();
            case POST_SM_CONV -> plan.postSoftmaxConv().isPresent();
            case PRE_SM_HEAD_MIX -> plan.preSoftmaxHeadMix();
            case POST_SM_HEAD_MIX -> plan.headConvSize().isPresent() || plan.postSoftmaxHeadMix();
            case GROUP_NORM -> plan.groupNorm();
            case GATE -> plan.gate();
            case HEAD -> true;
        };
    }

    /** @return the part whose switching off (for a whole layer) skips {@code stage}, if any */
    public static Optional<AblatedPart> skipping(Stage stage) {
        return switch (stage) {
            case PRE_SM_CONV -> Optional.of(PRE_SM_CONV);
            case POST_SM_CONV -> Optional.of(POST_SM_CONV);
            case PRE_SM_HEAD_MIX -> Optional.of(PRE_SM_HEAD_MIX);
            case POST_SM_HEAD_CONV, POST_SM_HEAD_MIX -> Optional.of(POST_SM_HEAD_MIX);
            default -> Optional.empty();
        };
    }

    /** @return the part named {@code id} (case-insensitive; {@code post_sm_head_conv} is {@link #POST_SM_HEAD_MIX}) */
    public static Optional<AblatedPart> byId(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.equals("post_sm_head_conv")) {
            return Optional.of(POST_SM_HEAD_MIX);
        }
        return Arrays.stream(values()).filter(p -> p.id.equals(lower)).findFirst();
    }
}
