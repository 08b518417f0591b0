package org.mtalens.viz.heatmap;

/** Told when the hovered or selected cell of a map changes. */
@FunctionalInterface
public interface CellListener {
    /** @param cell the new cell, or null when there is none (mouse left the map, selection cleared) */
    void cellChanged(Cell cell);
}
