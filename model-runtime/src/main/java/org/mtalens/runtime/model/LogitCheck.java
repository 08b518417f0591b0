package org.mtalens.runtime.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a run's logits can be trusted: NaN or infinite logits (from non-finite weights, or an overflow
 * somewhere in the pass) make the predictions at those positions meaningless, and the user must be told,
 * not shown a confident-looking top-5.
 */
public final class LogitCheck {
    private static final int POSITIONS_SHOWN = 10;

    private LogitCheck() {
    }

    /**
     * @param logits [T, V] row-major
     * @return a warning when any logit is NaN or infinite (all NaN said as such), else empty
     */
    public static Optional<String> warning(float[] logits, int tokens, int vocabSize) {
        return warning(logits, java.util.stream.IntStream.range(0, tokens).toArray(), vocabSize);
    }

    /**
     * @param logits    [P, V] row-major: the logits of some positions
     * @param positions [P] which positions the rows are
     * @return a warning when any logit is NaN or infinite (all NaN said as such), else empty
     */
    public static Optional<String> warning(float[] logits, int[] positions, int vocabSize) {
        int tokens = positions.length;
        long nan = 0;
        long infinite = 0;
        List<Integer> badPositions = new ArrayList<>();
        for (int t = 0; t < tokens; t++) {
            boolean bad = false;
            for (int v = 0; v < vocabSize; v++) {
                float logit = logits[t * vocabSize + v];
                nan += Float.isNaN(logit) ? 1 : 0;
                infinite += Float.isInfinite(logit) ? 1 : 0;
                bad |= !Float.isFinite(logit);
            }
            if (bad) {
                badPositions.add(positions[t]);
            }
        }
        long total = (long) tokens * vocabSize;
        if (nan == total) {
            return Optional.of("all " + total + " logits are NaN: this run predicts nothing (non-finite weights?"
                    + " see the checkpoint's warnings)");
        }
        if (badPositions.isEmpty()) {
            return Optional.empty();
        }
        String shown = badPositions.stream().limit(POSITIONS_SHOWN).map(String::valueOf).collect(Collectors.joining(", "))
                + (badPositions.size() > POSITIONS_SHOWN ? ", ..." : "");
        return Optional.of((nan + infinite) + " of " + total + " logits are NaN (" + nan + ") or infinite (" + infinite
                + "), at position" + (badPositions.size() == 1 ? " " : "s ") + shown
                + "; the predictions there mean nothing");
    }
}
