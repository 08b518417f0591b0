package org.mtalens.viz;

import java.util.Objects;

/**
 * The key-query convolution kernels of one layer, one c_q x c_k kernel per head.
 * Shapes: H heads, Q = c_q query taps, K = c_k key taps; {@code values} is [H, Q, K] row-major.
 * Query offsets run -(Q-1)..0 (row Q-1 is the current query); key offsets depend on {@link PadKey}.
 * <p>The identity tap is the one tap that makes the convolution the identity for the layer's pad_key: row c_q-1
 * (the current query) and the column of key offset 0 — c_k//2 for {@code both}, the last column for {@code left},
 * the first for {@code right}. The inspector frames it and the distances below are measured from it.
 *
 * @param title     what the kernels are, e.g. "layer 1 · pre_sm_conv kernel"
 * @param heads     H
 * @param queryTaps Q = c_q
 * @param keyTaps   K = c_k
 * @param values    [H, Q, K] row-major
 * @param padKey    key padding of the layer
 */
public record Kernel(String title, int heads, int queryTaps, int keyTaps, float[] values, PadKey padKey) {
    public Kernel {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(padKey, "padKey");
        if (heads <= 0 || queryTaps <= 0 || keyTaps <= 0) {
            throw new IllegalArgumentException("kernel '" + title + "': heads, c_q and c_k must be positive, got ["
                    + heads + "," + queryTaps + "," + keyTaps + "]");
        }
        if ((long) heads * queryTaps * keyTaps != values.length) {
            throw new IllegalArgumentException("kernel '" + title + "' [" + heads + "," + queryTaps + "," + keyTaps
                    + "] needs " + (long) heads * queryTaps * keyTaps + " values, got " + values.length);
        }
    }

    /** @return the weight of head {@code head} at kernel row {@code row}, column {@code column} */
    public float value(int head, int row, int column) {
        return values[(head * queryTaps + row) * keyTaps + column];
    }

    /** @return the query offset of kernel row {@code row}: -(c_q-1) .. 0 */
    public int queryOffset(int row) {
        return row - (queryTaps - 1);
    }

    /** @return the key offset of kernel column {@code column} for this layer's pad_key */
    public int keyOffset(int column) {
        return column - padKey.leftPadding(keyTaps);
    }

    /** @return the row of the identity tap (the current query) */
    public int identityRow() {
        return queryTaps - 1;
    }

    /** @return the column of the identity tap (key offset 0) */
    public int identityColumn() {
        return padKey.leftPadding(keyTaps);
    }

    /**
     * @return the L2 norm of head {@code head}'s taps minus the identity kernel (1 at the identity tap, 0 elsewhere):
     *         how far this head's kernel is from leaving the map unchanged
     */
    public double headDistanceFromIdentity(int head) {
        double sum = 0;
        for (int r = 0; r < queryTaps; r++) {
            for (int c = 0; c < keyTaps; c++) {
                double d = value(head, r, c) - (r == identityRow() && c == identityColumn() ? 1 : 0);
                sum += d * d;
            }
        }
        return Math.sqrt(sum);
    }

    /** @return the L2 norm of all heads' taps minus the identity kernels: the whole layer's distance */
    public double layerDistanceFromIdentity() {
        double sum = 0;
        for (int h = 0; h < heads; h++) {
            double d = headDistanceFromIdentity(h);
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** @return the largest |value| over all heads (0 for an all-zero kernel) */
    public float absMax() {
        float m = 0;
        for (float v : values) {
            if (Math.abs(v) > m) {
                m = Math.abs(v);
            }
        }
        return m;
    }
}
