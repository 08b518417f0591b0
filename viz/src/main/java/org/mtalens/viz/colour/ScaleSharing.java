package org.mtalens.viz.colour;

/** Which maps one colour scale is shared by, so that their colours compare. */
public enum ScaleSharing {
    /** Each map on its own range: the most contrast inside a map, no comparison across maps. */
    PER_MAP,
    /** All heads of a layer share one range. */
    LAYER,
    /** Every map shown shares one range (the model grid's default, so heads and layers compare). */
    ALL
}
