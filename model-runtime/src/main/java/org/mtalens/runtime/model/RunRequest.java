package org.mtalens.runtime.model;

import java.util.Objects;

/**
 * One forward pass to run.
 *
 * @param tokens      the input token ids (length T)
 * @param capture     which maps to keep
 * @param activations whether to keep per-layer activations (q, k, v, attn_heads, attn_output, block_output)
 */
public record RunRequest(int[] tokens, CaptureSelection capture, boolean activations) {
    public RunRequest {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(capture, "capture");
        tokens = tokens.clone();
    }

    /** Every map, no activations. */
    public static RunRequest of(int... tokens) {
        return new RunRequest(tokens, CaptureSelection.all(), false);
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }
}
