package org.mtalens.viz.grid;

/**
 * One thumbnail of the model grid.
 *
 * @param layer layer index
 * @param head  head index
 */
public record GridCell(int layer, int head) {
}
