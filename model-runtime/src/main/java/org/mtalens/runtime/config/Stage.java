package org.mtalens.runtime.config;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.mtalens.runtime.InvalidInputException;

/**
 * The canonical stages of one layer's attention, in forward order (docs/ARCHITECTURE.md, "Multi-Token Attention in one page"). Their
 * {@link #id()}s are the names used in code, UI, exports ({@code layer{L}/{id}}) and fixtures.
 */
public enum Stage {
    /** QK^T / sqrt(head_dim), after RoPE. */
    SCORES("scores"),
    /** Depthwise c_q x c_k key-query convolution of the scores. */
    PRE_SM_CONV("pre_sm_conv"),
    /** Scores mixed across heads by {@code wpsm}. */
    PRE_SM_HEAD_MIX("pre_sm_head_mix"),
    /** Softmax over keys. */
    SOFTMAX("softmax"),
    /** Key-query convolution of the weights, re-masked, not renormalised. */
    POST_SM_CONV("post_sm_conv"),
    /** Weights mixed within groups of c_h heads by {@code head_kernel}. */
    POST_SM_HEAD_CONV("post_sm_head_conv"),
    /** Weights mixed across all heads by {@code wposm}. */
    POST_SM_HEAD_MIX("post_sm_head_mix"),
    /** The map that multiplies V. */
    FINAL("final");

    private final String id;

    Stage(String id) {
        this.id = id;
    }

    /** @return the canonical name, e.g. {@code pre_sm_conv} */
    public String id() {
        return id;
    }

    /** @return true for stages whose values are (possibly mixed) post-softmax weights */
    public boolean isAfterSoftmax() {
        return ordinal() >= SOFTMAX.ordinal();
    }

    /** Parses a canonical name; an unknown one is an {@link InvalidInputException} listing the valid names. */
    public static Stage fromId(String id) {
        for (Stage s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new InvalidInputException("unknown stage '" + id + "'; stages are "
                + Arrays.stream(values()).map(Stage::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
