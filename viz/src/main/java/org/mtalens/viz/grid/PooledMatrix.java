package org.mtalens.viz.grid;

import java.util.Objects;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.colour.ValueSummary;
import org.mtalens.viz.raster.MapRasterizer;
import org.mtalens.viz.raster.PooledCells;
import org.mtalens.viz.raster.Viewport;

/**
 * A thumbnail's input: a T x T map already max-|value| pooled to size x size (each pooled cell keeps the value of
 * largest magnitude among the cells it covers, with its sign; NaN when one is NaN), and the summary of the original
 * map's values, which decides the colours (sign, range, percentiles: pooling keeps the largest |value| but may drop
 * a smaller value of the other sign). Pooled cell i covers tokens [floor(i T / size), floor((i+1) T / size)).
 * A caller that pools the maps itself (layer by layer, never holding a whole stage) builds this record directly;
 * {@link #pool} does it from a whole map.
 *
 * @param tokens   T, the original map's side
 * @param size     the pooled side (at most T)
 * @param values   [size, size] row-major pooled values
 * @param causal   true when the original is causal (a pooled cell is masked when all its cells are future keys)
 * @param original the summary of the original map's unmasked values
 */
public record PooledMatrix(int tokens, int size, float[] values, boolean causal, ValueSummary original) {
    public PooledMatrix {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(original, "original");
        if (size <= 0 || size > tokens || (long) size * size != values.length) {
            throw new IllegalArgumentException("a pooled map of " + tokens + " tokens needs 0 < size <= " + tokens
                    + " and size^2 values, got size " + size + " and " + values.length + " values");
        }
    }

    /** @return {@code map} (square) max-|value| pooled to at most size x size, with the summary of its values */
    public static PooledMatrix pool(Matrix map, int size) {
        if (map.rows() != map.columns()) {
            throw new IllegalArgumentException("a thumbnail needs a square map, got " + map.rows() + "x" + map.columns());
        }
        int t = map.rows();
        int s = Math.min(size, t);
        PooledCells cells = MapRasterizer.pool(map, new Viewport(0, 0, (double) s / t), s, s);
        float[] values = new float[s * s];
        for (int i = 0; i < values.length; i++) {
            values[i] = cells.states()[i] == PooledCells.NAN ? Float.NaN : cells.values()[i];
        }
        return new PooledMatrix(t, s, values, map.causal(), ValueSummary.of(map));
    }

    /** @return the first token of pooled row or column i */
    public int firstToken(int i) {
        return (int) ((long) i * tokens / size);
    }

    /** @return one past the last token of pooled row or column i */
    public int endToken(int i) {
        return (int) ((long) (i + 1) * tokens / size);
    }

    /** @return the pooled value at (row, column) */
    public float value(int row, int column) {
        return values[row * size + column];
    }

    /** @return true when every cell under pooled cell (row, column) is a future key */
    public boolean isMasked(int row, int column) {
        return causal && firstToken(column) > endToken(row) - 1;
    }
}
