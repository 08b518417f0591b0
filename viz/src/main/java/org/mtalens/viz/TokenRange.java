package org.mtalens.viz;

/**
 * A run of tokens {@code [from, to)} with a name a user reads, e.g. the target block of the find-the-block task.
 * Views mark it: a heatmap on its key axis, the token strip on its chips.
 *
 * @param from  first token index (0-based, inclusive)
 * @param to    index after the last token (exclusive); {@code from == to} is an empty range
 * @param label what the range is, shown next to the mark (e.g. {@code "target block"}); null reads as empty
 */
public record TokenRange(int from, int to, String label) {
    public TokenRange {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("token range needs 0 <= from <= to, got from " + from + ", to " + to
                    + (label == null || label.isEmpty() ? "" : " for '" + label + "'"));
        }
        label = label == null ? "" : label;
    }

    /** @return whether token {@code index} is in the range */
    public boolean contains(int index) {
        return index >= from && index < to;
    }

    /** @return how many tokens the range holds */
    public int size() {
        return to - from;
    }
}
