package org.mtalens.runtime.analysis;

import java.util.Objects;
import org.mtalens.runtime.config.KernelShape;
import org.mtalens.runtime.config.PadKey;

/**
 * One head's key-query kernel. Shapes: Q = c_q query taps, K = c_k key taps; {@code values} is [Q, K]
 * row-major. Row {@code Q-1} is the current query (query offsets -(Q-1)..0); column {@link #currentKeyColumn()}
 * sees the key at offset 0 (it depends on the layer's pad_key), so that tap in row Q-1 is the identity tap:
 * a kernel holding only 1 there leaves the map unchanged.
 *
 * @param queryTaps Q = c_q
 * @param keyTaps   K = c_k
 * @param padKey    the layer's key padding
 * @param values    [Q, K] row-major
 */
public record HeadKernel(int queryTaps, int keyTaps, PadKey padKey, float[] values) {
    public HeadKernel {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(padKey, "padKey");
        if (queryTaps <= 0 || keyTaps <= 0 || (long) queryTaps * keyTaps != values.length) {
            throw new IllegalArgumentException("a " + queryTaps + "x" + keyTaps + " kernel needs "
                    + (long) queryTaps * keyTaps + " values, got " + values.length);
        }
        values = values.clone();
    }

    /** @return the column of key offset 0 for the pad_key */
    public int currentKeyColumn() {
        return new KernelShape(queryTaps, keyTaps).identityColumn(padKey);
    }

    /** @return the weight at kernel row {@code row}, column {@code column} */
    public float value(int row, int column) {
        return values[row * keyTaps + column];
    }

    /** @return the query offset of a row: -(Q-1)..0 */
    public int queryOffset(int row) {
        return row - (queryTaps - 1);
    }

    /** @return the key offset of a column: 0 at {@link #currentKeyColumn()} */
    public int keyOffset(int column) {
        return column - currentKeyColumn();
    }

    /** @return true for taps on the diagonal through the identity tap: query offset equals key offset */
    public boolean onDiagonal(int row, int column) {
        return queryOffset(row) == keyOffset(column);
    }

    /** @return true for the identity tap (current query, current key) */
    public boolean isIdentityTap(int row, int column) {
        KernelShape shape = new KernelShape(queryTaps, keyTaps);
        return row == shape.identityRow() && column == shape.identityColumn(padKey);
    }

    @Override
    public float[] values() {
        return values.clone();
    }
}
