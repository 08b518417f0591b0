package org.mtalens.viz;

import java.util.List;
import java.util.Objects;

/**
 * viz's own input: a row-major matrix of floats with row and column labels and a value kind.
 * The app maps runtime results onto it; viz knows nothing else about where it came from.
 *
 * @param title   what the matrix is, e.g. "layer 1 · head 2 · post_sm_conv"
 * @param rows    number of rows (queries for an attention map)
 * @param columns number of columns (keys for an attention map)
 * @param values  rows x columns values, row-major; NaN is drawn as NaN, not as 0
 * @param rowLabels    one label per row
 * @param columnLabels one label per column
 * @param kind    how to colour the values
 * @param causal  true when cells above the diagonal are masked (future keys) and drawn as such
 */
public record Matrix(String title, int rows, int columns, float[] values,
                     List<String> rowLabels, List<String> columnLabels, ValueKind kind, boolean causal) {
    public Matrix {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(kind, "kind");
        if (rows < 0 || columns < 0 || (long) rows * columns != values.length) {
            throw new IllegalArgumentException("a " + rows + "x" + columns + " matrix needs " + (long) rows * columns
                    + " values, got " + values.length);
        }
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        if (rowLabels.size() != rows || columnLabels.size() != columns) {
            throw new IllegalArgumentException("labels: " + rowLabels.size() + " rows and " + columnLabels.size()
                    + " columns for a " + rows + "x" + columns + " matrix");
        }
    }

    /** @return the value at (row, column) */
    public float value(int row, int column) {
        return values[row * columns + column];
    }

    /** @return true when (row, column) is a masked future cell of a causal map */
    public boolean isMasked(int row, int column) {
        return causal && column > row;
    }
}
