package org.mtalens.runtime.html;

import org.mtalens.runtime.config.Stage;

/**
 * One head's map at one stage, pooled for the web page: T x T values become P x P cells, each the value of
 * largest magnitude (sign kept) among the {@code factor} x {@code factor} query/key pairs it covers
 * (fewer on the last row and column when factor does not divide T). NaN when any covered value is NaN.
 *
 * @param layer  layer index
 * @param stage  pipeline stage
 * @param head   head index
 * @param tokens T, the sequence length
 * @param factor tokens per cell along each axis (1: not pooled)
 * @param size   P = ceil(T / factor), cells per side
 * @param values [P, P] row-major, query blocks by key blocks
 */
public record PooledMap(int layer, Stage stage, int head, int tokens, int factor, int size, float[] values) {
    public PooledMap {
        if (factor < 1 || size != (tokens + factor - 1) / factor || values.length != size * size) {
            throw new IllegalArgumentException("a map of " + tokens + " tokens pooled by " + factor + " has "
                    + (tokens + factor - 1) / factor + " cells per side, got " + size + " and " + values.length + " values");
        }
    }

    /** @return true when each cell covers more than one query/key pair */
    public boolean isPooled() {
        return factor > 1;
    }

    /** @return the cell covering query block {@code row}, key block {@code column} */
    public float value(int row, int column) {
        return values[row * size + column];
    }

    @Override
    public float[] values() {
        return values.clone();
    }
}
