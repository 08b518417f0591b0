package org.mtalens.runtime.model;

import org.mtalens.runtime.config.Stage;

/**
 * One head's map at one stage, pooled to at most {@code size x size} cells: each cell holds the value of
 * largest magnitude (sign kept) among the causal entries it covers, so a sharp attention weight stays visible
 * in a thumbnail. Cells that cover only future entries hold 0.
 *
 * @param layer  layer index
 * @param stage  pipeline stage
 * @param head   head index
 * @param tokens T of the map it was pooled from
 * @param size   cells per side: min(T, the size asked for); position p (query or key) falls in cell floor(p*size/T)
 * @param values size*size values, row-major
 * @param min    the smallest causal entry of the whole map
 * @param max    the largest causal entry of the whole map
 */
public record PooledMap(int layer, Stage stage, int head, int tokens, int size, float[] values, float min, float max) {
    public PooledMap {
        if ((long) size * size != values.length) {
            throw new IllegalArgumentException(size + "x" + size + " cells need " + (long) size * size + " values");
        }
    }

    /** @return the pooled value of cell (query bin, key bin) */
    public float value(int row, int column) {
        return values[row * size + column];
    }

    @Override
    public float[] values() {
        return values.clone();
    }
}
