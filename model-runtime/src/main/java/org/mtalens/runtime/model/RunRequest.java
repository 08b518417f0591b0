package org.mtalens.runtime.model;

import java.util.Objects;

/**
 * One forward pass to run.
 *
 * @param tokens      the input token ids (length T)
 * @param capture     which maps to keep
 * @param activations whether to keep per-layer activations (q, k, v, attn_heads, attn_output, block_output)
 * @param ablation    the parts of the model switched off for this pass ({@link Ablation#none()} for the intact model)
 * @param edits       weights replaced for this pass ({@link WeightEdits#none()} for the checkpoint's own)
 */
public record RunRequest(int[] tokens, CaptureSelection capture, boolean activations, Ablation ablation, WeightEdits edits) {
    public RunRequest {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(ablation, "ablation");
        Objects.requireNonNull(edits, "edits");
        tokens = tokens.clone();
    }

    /** A pass of the checkpoint's own weights. */
    public RunRequest(int[] tokens, CaptureSelection capture, boolean activations, Ablation ablation) {
        this(tokens, capture, activations, ablation, WeightEdits.none());
    }

    /** @return the same request with {@code overlay}'s weights in place of the stored ones */
    public RunRequest withEdits(WeightEdits overlay) {
        return new RunRequest(tokens, capture, activations, ablation, overlay);
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
        return new RunRequest(tokens, capture, activations, ablation, edits);
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }
}
