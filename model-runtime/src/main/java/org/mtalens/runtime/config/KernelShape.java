package org.mtalens.runtime.config;

/**
 * The shape of one key-query convolution kernel of a head: {@code queries} rows (c_q, query offsets
 * -(c_q-1)..0, row c_q-1 is the current query) by {@code keys} columns (c_k).
 */
public record KernelShape(int queries, int keys) {
    public KernelShape {
        if (queries < 1 || keys < 1) {
            throw new IllegalArgumentException("kernel sizes must be positive, got " + queries + "x" + keys);
        }
    }

    @Override
    public String toString() {
        return queries + "x" + keys;
    }
}
