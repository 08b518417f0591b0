package org.mtalens.viz.grid;

import org.mtalens.viz.Matrix;

/** Gives the map of one layer and head for the model grid; called on a background thread. */
@FunctionalInterface
public interface MapSource {
    /** @return the map, or null when this layer has no such stage (drawn empty) */
    Matrix map(int layer, int head);
}
