package org.mtalens.runtime.corpus;

import java.util.List;

/** A few tokens around a position, the position's own in brackets: {@code …b c [d] e f…}. */
public final class CellContext {
    /** Tokens shown on each side. */
    public static final int SIDE = 3;

    private CellContext() {
    }

    /** @return the labels from {@code position - SIDE} to {@code position + SIDE}, the one at {@code position} bracketed */
    public static String around(List<String> labels, int position) {
        int from = Math.max(0, position - SIDE);
        int to = Math.min(labels.size(), position + SIDE + 1);
        StringBuilder s = new StringBuilder(from > 0 ? "…" : "");
        for (int i = from; i < to; i++) {
            if (i > from) {
                s.append(' ');
            }
            s.append(i == position ? "[" + labels.get(i) + "]" : labels.get(i));
        }
        return s.append(to < labels.size() ? "…" : "").toString();
    }
}
