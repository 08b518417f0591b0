package org.mtalens.viz;

/** What the numbers of a matrix mean, which decides how they are coloured. */
public enum ValueKind {
    /** Attention weights in [0, 1]: a sequential colour map. */
    WEIGHT,
    /** Values of either sign centred on 0 (scores, logits, kernels, differences): a diverging map. */
    SIGNED
}
