package org.mtalens.runtime.model;

import java.util.Objects;

/**
 * One forward pass to run.
 *
 * @param tokens      the input token ids (length T)
 * @param capture     which maps to keep
 * @param activations whether to keep per-layer activations (q, k, v, attn_heads, attn_output, block_output)
 * @param ablation    the parts of the model switched off for this pass ({@link Ablation#none()} for the intact model)
 */
public record RunRequest(int[] tokens, CaptureSelection capture, boolean activations, Ablation ablation) {
    public RunRequest {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(ablation, "ablation");
        tokens = tokens.clone();
    }

    /** The intact model. */
    public RunRequest(int[] tokens, CaptureSelection capture, boolean activations) {
        this(tokens, capture, activations, Ablation.none());
    }

    /** Every map, no activations. */
    public static RunRequest of(int... tokens) {
        return new RunRequest(tokens, CaptureSelection.all(), false);
    }

    /** @return the same request with {@code ablation} switched off */
    public RunRequest withAblation(Ablation ablation) {
        return new RunRequest(tokens, capture, activations, ablation);
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }
}
