package org.mtalens.runtime;

/**
 * How every message names one token of an input: by its position, counted from 0 as the maps' axes,
 * exports and {@code run}'s output count them, and what it holds, e.g.
 * {@code "the token at position 0 (128000)"}.
 */
public final class TokenPosition {
    private TokenPosition() {
    }

    /** @return {@code "the token at position P (WHAT)"}; {@code what} is cut to a readable length */
    public static String of(int position, Object what) {
        return "the token at position " + position + " (" + ShownName.of(what) + ")";
    }

    /** @return {@code "the token at position P"} */
    public static String of(int position) {
        return "the token at position " + position;
    }
}
