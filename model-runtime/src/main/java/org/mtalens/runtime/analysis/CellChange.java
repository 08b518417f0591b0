package org.mtalens.runtime.analysis;

/**
 * One cell of a head's map where MTA moved weight: the {@code final} weight minus the plain softmax weight.
 *
 * @param query      query (row)
 * @param key        key (column), at most {@code query}
 * @param plain      the plain softmax of {@code scores} at the cell
 * @param finalWeight the {@code final} weight at the cell, as the model used it (not clipped)
 */
public record CellChange(int query, int key, float plain, float finalWeight) {
    /** @return {@code finalWeight - plain}: positive where MTA added weight */
    public float difference() {
        return finalWeight - plain;
    }
}
