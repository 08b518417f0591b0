package org.mtalens.viz;

import java.util.Objects;

/**
 * A head-mixing matrix, stored as weights from a source head to a destination head.
 * Either a full n x n linear mix ({@code wpsm}/{@code wposm}, indexed [dst, src]) or a grouped head
 * convolution ({@code head_kernel} [G, c_h, c_h], indexed [src, dst] within each group of c_h heads);
 * heads of different groups do not mix. Construct with {@link #linear} or {@link #headKernel}.
 *
 * @param title     what the matrix is
 * @param heads     n, the number of heads
 * @param groupSize c_h (n for a full linear mix)
 * @param weights   [n, n] row-major, indexed [dst, src]; entries between groups are NaN (no mixing)
 */
public record HeadMixing(String title, int heads, int groupSize, float[] weights) {
    public HeadMixing {
        Objects.requireNonNull(title, "title");
        if (heads <= 0 || groupSize <= 0 || heads % groupSize != 0) {
            throw new IllegalArgumentException("head mixing '" + title + "': " + heads
                    + " heads do not split into groups of " + groupSize);
        }
        if (weights.length != heads * heads) {
            throw new IllegalArgumentException("head mixing '" + title + "' needs " + heads * heads
                    + " weights, got " + weights.length);
        }
    }

    /** A full linear mix over heads, {@code new[dst] = sum_src W[dst,src] * old[src]}; values [n, n] as [dst, src]. */
    public static HeadMixing linear(String title, int heads, float[] dstBySrc) {
        return new HeadMixing(title, heads, heads, dstBySrc.clone());
    }

    /**
     * A grouped head convolution, {@code new[g*c+j] = sum_m HK[g,m,j] * old[g*c+m]}; values [G, c, c] as [g, src, dst].
     */
    public static HeadMixing headKernel(String title, int groups, int groupSize, float[] groupSrcDst) {
        if (groupSrcDst.length != groups * groupSize * groupSize) {
            throw new IllegalArgumentException("head_kernel '" + title + "' [" + groups + "," + groupSize + ","
                    + groupSize + "] needs " + groups * groupSize * groupSize + " values, got " + groupSrcDst.length);
        }
        int n = groups * groupSize;
        float[] w = new float[n * n];
        java.util.Arrays.fill(w, Float.NaN);
        for (int g = 0; g < groups; g++) {
            for (int src = 0; src < groupSize; src++) {
                for (int dst = 0; dst < groupSize; dst++) {
                    float v = groupSrcDst[(g * groupSize + src) * groupSize + dst];
                    w[(g * groupSize + dst) * n + g * groupSize + src] = v;
                }
            }
        }
        return new HeadMixing(title, n, groupSize, w);
    }

    /** @return the weight with which source head {@code src} feeds destination head {@code dst}; NaN across groups */
    public float weight(int dst, int src) {
        return weights[dst * heads + src];
    }

    /** @return true when {@code src} and {@code dst} are in the same group, i.e. they can mix */
    public boolean mixes(int dst, int src) {
        return dst / groupSize == src / groupSize;
    }
}
