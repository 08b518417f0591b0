package org.mtalens.runtime.model;

import java.util.Objects;

/**
 * One traced pass to run.
 *
 * @param tokens   the input token ids (length T)
 * @param ablation the parts of the model switched off ({@link Ablation#none()} for the intact model)
 * @param logits   the positions to compute logits for during the pass (others are computed when asked)
 * @param capture  maps to keep from the pass itself (e.g. the layer a view shows first), none by default
 */
public record TraceRequest(int[] tokens, Ablation ablation, LogitRows logits, CaptureSelection capture) {
    public TraceRequest {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(ablation, "ablation");
        Objects.requireNonNull(logits, "logits");
        Objects.requireNonNull(capture, "capture");
        tokens = tokens.clone();
    }

    /** The intact model, logits of the last position, no maps kept. */
    public static TraceRequest of(int... tokens) {
        return new TraceRequest(tokens, Ablation.none(), LogitRows.last(), CaptureSelection.none());
    }

    /** @return the same request with {@code parts} switched off */
    public TraceRequest withAblation(Ablation parts) {
        return new TraceRequest(tokens, parts, logits, capture);
    }

    /** @return the same request keeping {@code selection}'s maps from the pass */
    public TraceRequest capturing(CaptureSelection selection) {
        return new TraceRequest(tokens, ablation, logits, selection);
    }

    /** @return the same request with logits of {@code rows} */
    public TraceRequest withLogits(LogitRows rows) {
        return new TraceRequest(tokens, ablation, rows, capture);
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }
}
