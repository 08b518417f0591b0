package org.mtalens.viz.tokens;

/** Told when the hovered token of a token strip changes. */
@FunctionalInterface
public interface TokenListener {
    /** @param index the token's position in the input, or -1 when the mouse left the tokens */
    void tokenHovered(int index);
}
