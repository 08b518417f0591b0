package org.mtalens.runtime.model;

import java.util.Arrays;

/**
 * Which positions of a pass get logits. At a real vocabulary (128,256) the logits of every position cost a
 * fifth of the forward pass and a gigabyte at T=2048, so a pass computes the rows it is asked for.
 */
public final class LogitRows {
    private static final LogitRows ALL = new LogitRows(null, false);
    private static final LogitRows LAST = new LogitRows(new int[0], true);
    private final int[] positions;
    private final boolean last;

    private LogitRows(int[] positions, boolean last) {
        this.positions = positions;
        this.last = last;
    }

    /** Every position ([T, V]). */
    public static LogitRows all() {
        return ALL;
    }

    /** The last position only (the next token). */
    public static LogitRows last() {
        return LAST;
    }

    /** The last position and {@code more}. */
    public static LogitRows lastAnd(int... more) {
        return new LogitRows(more.clone(), true);
    }

    /** @return the sorted distinct positions for a pass over {@code tokens} tokens, or null for every position */
    int[] resolve(int tokens) {
        if (positions == null) {
            return null;
        }
        int[] with = last ? Arrays.copyOf(positions, positions.length + 1) : positions.clone();
        if (last) {
            with[positions.length] = tokens - 1;
        }
        return Arrays.stream(with).filter(p -> p >= 0 && p < tokens).distinct().sorted().toArray();
    }

    /** @return whether every position is asked for */
    public boolean isAll() {
        return positions == null;
    }
}
