package org.mtalens.viz;

/**
 * How a key-query kernel is padded along the key axis, which decides the key offset of each kernel column.
 * The kernel is a cross-correlation: column {@code b} reads the key at {@code j + b - leftPadding}.
 */
public enum PadKey {
    /** {@code (c_k-1)/2} on each side: offsets -(c_k-1)/2 .. +(c_k-1)/2. */
    BOTH,
    /** {@code c_k-1} on the left (past keys): offsets -(c_k-1) .. 0. */
    LEFT,
    /** {@code c_k-1} on the right (later keys): offsets 0 .. c_k-1. */
    RIGHT;

    /** @return the padding on the past side of the key axis for a kernel with {@code keyTaps} columns */
    public int leftPadding(int keyTaps) {
        return switch (this) {
            case BOTH -> (keyTaps - 1) / 2;
            case LEFT -> keyTaps - 1;
            case RIGHT -> 0;
        };
    }

    /** Parses the checkpoint spelling ({@code both}, {@code left}, {@code right}). */
    public static PadKey parse(String name) {
        for (PadKey p : values()) {
            if (p.name().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("pad_key must be both, left or right, got '" + name + "'");
    }
}
