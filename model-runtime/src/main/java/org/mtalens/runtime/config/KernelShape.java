package org.mtalens.runtime.config;

/**
 * The shape of one key-query convolution kernel of a head: {@code queries} rows (c_q, query offsets
 * -(c_q-1)..0, row c_q-1 is the current query) by {@code keys} columns (c_k).
 * <p>The <em>identity tap</em> (the one tap of a kernel that changes nothing) is at row c_q-1 and, by the layer's
 * {@code pad_key}, column c_k//2 ({@code both}), c_k-1 ({@code left}) or 0 ({@code right}): the tap that reads the
 * current query and the current key. Everything that speaks of "the identity" (the identity initialisation and the
 * distances from it, the kernel patterns, ablation's identity kernels) uses this one tap.
 */
public record KernelShape(int queries, int keys) {
    public KernelShape {
        if (queries < 1 || keys < 1) {
            throw new IllegalArgumentException("kernel sizes must be positive, got " + queries + "x" + keys);
        }
    }

    /** @return the identity tap's row: c_q-1, the current query */
    public int identityRow() {
        return queries - 1;
    }

    /** @return the identity tap's column for {@code padKey}: c_k//2 (both), c_k-1 (left), 0 (right) */
    public int identityColumn(PadKey padKey) {
        return padKey.currentKeyColumn(keys);
    }

    /** @return the identity tap's index in one head's kernel, row-major: (c_q-1)*c_k + identity column */
    public int identityTap(PadKey padKey) {
        return identityRow() * keys + identityColumn(padKey);
    }

    @Override
    public String toString() {
        return queries + "x" + keys;
    }
}
