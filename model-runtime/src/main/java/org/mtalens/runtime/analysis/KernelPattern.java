package org.mtalens.runtime.analysis;

import java.util.Locale;

/**
 * What one head's c_q x c_k key-query kernel does to a map, as decided by {@link KernelClassifier}
 * (see there for the exact criterion and its thresholds).
 */
public enum KernelPattern {
    /** Still the identity up to a positive scale: the map passes through (sharpened or flattened at most). */
    NEAR_IDENTITY,
    /** Weight along the query/key diagonal through the identity tap: matches a sequence of tokens. */
    DIAGONAL,
    /** Strong positive and negative taps side by side: an edge detector along keys or queries. */
    EDGE,
    /** None of the above. */
    OTHER;

    /** @return the name used in tables and JSON, e.g. {@code near_identity} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
