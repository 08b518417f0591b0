package org.mtalens.runtime.model;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Convolves one head's causal map with its c_q x c_k kernel, visiting only the causal triangle
 * (keys <= query). The semantics are {@link KeyQueryConvolution}'s: queries padded by c_q-1 on the past
 * side (kernel row c_q-1 is the current query), keys padded {@code left} before and c_k-1-left after; the
 * input's future entries are taken as 0 and the output's future entries are written as 0.
 *
 * <p>How it stays fast in plain Java: for each of the last c_q input rows it keeps c_k copies shifted by
 * one key each ({@code shifted[slot][c][k] = in[row, k + c - left]}, 0 outside the map), so every tap is
 * an offset-free multiply-add over a contiguous row, {@code out[k] += w * shifted[k]}, which C2
 * vectorises (it does not vectorise {@code out[k] += w * in[k + c]}). Four taps share each pass over the
 * output row. One convolver per thread; it is reused from map to map.
 */
final class CausalMapConvolver {
    private final int tokens;
    private final int queryTaps;
    private final int keyTaps;
    private final int left;
    /** [c_q slots][c_k shifts][T]: the shifted copies of input row r live in slot r % c_q */
    private final float[][][] shifted;
    /** [T] the output row being summed */
    private final float[] row;
    /** [T] zeros, written over the future part of each output row */
    private final float[] zeros;

    /**
     * @param tokens    T, the map's side
     * @param queryTaps c_q, the kernel's rows
     * @param keyTaps   c_k, the kernel's columns
     * @param left      keys of padding before key 0 (from the pad_key mode)
     */
    CausalMapConvolver(int tokens, int queryTaps, int keyTaps, int left) {
        this.tokens = tokens;
        this.queryTaps = queryTaps;
        this.keyTaps = keyTaps;
        this.left = left;
        this.shifted = new float[queryTaps][keyTaps][tokens];
        this.row = new float[tokens];
        this.zeros = new float[tokens];
    }

    /**
     * @param in     maps [.., T, T] row-major; the map starts at {@code start}
     * @param out    where the convolved map goes, same layout and {@code start}
     * @param kernel this head's kernel [c_q, c_k] row-major
     */
    void convolve(FloatBuffer in, FloatBuffer out, int start, float[] kernel) {
        for (float[][] slot : shifted) {
            for (float[] copy : slot) {
                Arrays.fill(copy, 0f);
            }
        }
        for (int query = 0; query < tokens; query++) {
            int rowStart = start + query * tokens;
            loadShifted(in, rowStart, query);
            sumRow(query, kernel);
            out.put(rowStart, row, 0, query + 1);
            out.put(rowStart + query + 1, zeros, 0, tokens - query - 1);
        }
    }

    /**
     * Fills slot {@code r % c_q} with input row r's shifted copies: {@code copy_c[k] = in[r, k + c - left]}
     * for keys 0..r. Entries outside that range stay 0: they were 0 when the map began and every earlier
     * row in this slot covered a shorter range of keys.
     */
    private void loadShifted(FloatBuffer in, int rowStart, int r) {
        float[][] slot = shifted[r % queryTaps];
        for (int c = 0; c < keyTaps; c++) {
            int firstKey = Math.max(0, c - left); // the input key copied to the lowest output key
            int firstOut = firstKey + left - c;
            int lastOut = Math.min(tokens - 1, r + left - c); // the output key fed by input key r
            if (lastOut >= firstOut) {
                in.get(rowStart + firstKey, slot[c], firstOut, lastOut - firstOut + 1);
            }
        }
    }

    /** {@code row[k] = sum_{a,c} K[a,c] * in[q-(c_q-1)+a, k-left+c]} for keys k in 0..q. */
    private void sumRow(int query, float[] kernel) {
        int length = query + 1;
        Arrays.fill(row, 0, length, 0f);
        for (int a = Math.max(0, queryTaps - 1 - query); a < queryTaps; a++) {
            float[][] slot = shifted[(query - (queryTaps - 1) + a) % queryTaps];
            int taps = a * keyTaps;
            int c = 0;
            for (; c + 4 <= keyTaps; c += 4) {
                addFourTaps(slot, c, kernel, taps + c, length);
            }
            for (; c < keyTaps; c++) {
                addTap(slot[c], kernel[taps + c], length);
            }
        }
    }

    private void addFourTaps(float[][] slot, int c, float[] kernel, int tap, int length) {
        float w0 = kernel[tap];
        float w1 = kernel[tap + 1];
        float w2 = kernel[tap + 2];
        float w3 = kernel[tap + 3];
        float[] x0 = slot[c];
        float[] x1 = slot[c + 1];
        float[] x2 = slot[c + 2];
        float[] x3 = slot[c + 3];
        float[] sum = row;
        for (int k = 0; k < length; k++) {
            sum[k] += w0 * x0[k] + w1 * x1[k] + w2 * x2[k] + w3 * x3[k];
        }
    }

    private void addTap(float[] x, float w, int length) {
        float[] sum = row;
        for (int k = 0; k < length; k++) {
            sum[k] += w * x[k];
        }
    }
}
