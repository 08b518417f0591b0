package org.mtalens.runtime.model;

import java.util.Objects;

/**
 * One traced pass to run.
 *
 * @param tokens   the input token ids (length T)
 * @param ablation the parts of the model switched off ({@link Ablation#none()} for the intact model)
 * @param logits   the positions to compute logits for during the pass (others are computed when asked)
 * @param capture  maps to keep from the pass itself (e.g. the layer a view shows first), none by default
 * @param edits    weights replaced for this pass ({@link WeightEdits#none()} for the checkpoint's own)
 */
public record TraceRequest(int[] tokens, Ablation ablation, LogitRows logits, CaptureSelection capture, WeightEdits edits) {
    public TraceRequest {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(ablation, "ablation");
        Objects.requireNonNull(logits, "logits");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(edits, "edits");
        tokens = tokens.clone();
    }

    /** A pass of the checkpoint's own weights. */
    public TraceRequest(int[] tokens, Ablation ablation, LogitRows logits, CaptureSelection capture) {
        this(tokens, ablation, logits, capture, WeightEdits.none());
    }

    /** @return the same request with {@code overlay}'s weights in place of the stored ones */
    public TraceRequest withEdits(WeightEdits overlay) {
        return new TraceRequest(tokens, ablation, logits, capture, overlay);
    }

    /** The intact model, logits of the last position, no maps kept. */
    public static TraceRequest of(int... tokens) {
        return new TraceRequest(tokens, Ablation.none(), LogitRows.last(), CaptureSelection.none());
    }

    /** @return the same request with {@code parts} switched off */
    public TraceRequest withAblation(Ablation parts) {
        return new TraceRequest(tokens, parts, logits, capture, edits);
    }

    /** @return the same request keeping {@code selection}'s maps from the pass */
    public TraceRequest capturing(CaptureSelection selection) {
        return new TraceRequest(tokens, ablation, logits, selection, edits);
    }

    /** @return the same request with logits of {@code rows} */
    public TraceRequest withLogits(LogitRows rows) {
        return new TraceRequest(tokens, ablation, rows, capture, edits);
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }
}
