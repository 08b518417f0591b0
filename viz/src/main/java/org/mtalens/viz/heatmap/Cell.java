package org.mtalens.viz.heatmap;

/**
 * One cell of a map: a query row and a key column.
 *
 * @param row    query index
 * @param column key index
 */
public record Cell(int row, int column) {
}
