package org.mtalens.runtime.model;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Convolves one head's causal map (or a block of its query rows) with its c_q x c_k kernel, visiting only
 * the causal triangle (keys <= query). The semantics are {@link KeyQueryConvolution}'s: queries padded by
 * c_q-1 on the past side (kernel row c_q-1 is the current query), keys padded {@code left} before and
 * c_k-1-left after; the input's future entries are taken as 0 and the output's future entries are written as 0.
 * A block of rows R x S holds queries firstQuery..firstQuery+R-1 over keys 0..S-1; rows before the block are
 * taken as 0, so its first c_q-1 output rows are exact only when the block starts at query 0 (otherwise the
 * caller gives it those rows as a halo and drops them).
 *
 * <p>How it stays fast in plain Java: for each of the last c_q+1 input rows it keeps c_k copies shifted by
 * one key each ({@code shifted[slot][c][k] = in[row, k + c - left]}, 0 outside the map), so every tap is
 * an offset-free multiply-add over a contiguous row, {@code out[k] += w * shifted[k]}, which C2
 * vectorises (it does not vectorise {@code out[k] += w * in[k + c]}). Output rows are summed in pairs
 * (q, q+1) that share their input rows, four taps per pass, so each pass loads four shifted rows for
 * sixteen multiply-adds per key. One convolver per thread; it is reused from map to map.
 */
final class CausalMapConvolver {
    private final int rows;
    private final int keys;
    private final int firstQuery;
    private final int queryTaps;
    private final int keyTaps;
    private final int left;
    /** [c_q+1 slots][c_k shifts][S]: the shifted copies of input row r live in slot r % (c_q+1) */
    private final float[][][] shifted;
    /** [S] output row q being summed */
    private final float[] first;
    /** [S] output row q+1 being summed */
    private final float[] second;
    /** [S] the input row being loaded, keys 0..its query */
    private final float[] input;
    /** [S] zeros, written over the future part of each output row */
    private final float[] zeros;

    /** A whole T x T map: queries 0..T-1 over keys 0..T-1. */
    CausalMapConvolver(int tokens, int queryTaps, int keyTaps, int left) {
        this(tokens, tokens, 0, queryTaps, keyTaps, left);
    }

    /**
     * @param rows       R, the block's query rows
     * @param keys       S, the block's keys (at least firstQuery + R)
     * @param firstQuery the query of row 0
     * @param queryTaps  c_q, the kernel's rows
     * @param keyTaps    c_k, the kernel's columns
     * @param left       keys of padding before key 0 (from the pad_key mode)
     */
    CausalMapConvolver(int rows, int keys, int firstQuery, int queryTaps, int keyTaps, int left) {
        this.rows = rows;
        this.keys = keys;
        this.firstQuery = firstQuery;
        this.queryTaps = queryTaps;
        this.keyTaps = keyTaps;
        this.left = left;
        this.shifted = new float[queryTaps + 1][keyTaps][keys];
        this.first = new float[keys];
        this.second = new float[keys];
        this.input = new float[keys];
        this.zeros = new float[keys];
    }

    /**
     * @param in     maps [.., R, S] row-major; the map starts at {@code start}
     * @param out    where the convolved map goes, same layout and {@code start}; may be {@code in} itself
     *               (output rows q, q+1 are written only after input rows up to q+1 were copied)
     * @param kernel this head's kernel [c_q, c_k] row-major
     */
    void convolve(FloatBuffer in, FloatBuffer out, int start, float[] kernel) {
        for (float[][] slot : shifted) {
            for (float[] copy : slot) {
                Arrays.fill(copy, 0f);
            }
        }
        for (int query = 0; query < rows; query += 2) {
            boolean pair = query + 1 < rows;
            loadShifted(in, start, query);
            if (pair) {
                loadShifted(in, start, query + 1);
            }
            sumRows(query, pair, kernel);
            write(out, start, query, first);
            if (pair) {
                write(out, start, query + 1, second);
            }
        }
    }

    /** Writes output row {@code row}: its keys 0..query from {@code sums}, 0 after. */
    private void write(FloatBuffer out, int start, int row, float[] sums) {
        int rowStart = start + row * keys;
        int causal = firstQuery + row + 1;
        out.put(rowStart, sums, 0, causal);
        out.put(rowStart + causal, zeros, 0, keys - causal);
    }

    /**
     * Fills the slot of input row r (query a) with its shifted copies: {@code copy_c[k] = in[r, k + c - left]}
     * for keys 0..a. Entries outside that range stay 0: they were 0 when the map began and every earlier row
     * in this slot covered a shorter range of keys.
     */
    private void loadShifted(FloatBuffer in, int start, int r) {
        float[][] slot = shifted[r % shifted.length];
        int query = firstQuery + r;
        in.get(start + r * keys, input, 0, query + 1); // one read of the row from the array's memory
        for (int c = 0; c < keyTaps; c++) {
            int firstKey = Math.max(0, c - left); // the input key copied to the lowest output key
            int firstOut = firstKey + left - c;
            int lastOut = Math.min(keys - 1, query + left - c); // the output key fed by input key `query`
            if (lastOut >= firstOut) {
                System.arraycopy(input, firstKey, slot[c], firstOut, lastOut - firstOut + 1);
            }
        }
    }

    /**
     * {@code first[k] = sum_{a,c} K[a,c] * in[q-(c_q-1)+a, k-left+c]} for row q, and the same for row q+1 into
     * {@code second} when {@code pair}, for keys k up to row q+1's query (that key is future for row q and
     * never written out).
     */
    private void sumRows(int query, boolean pair, float[] kernel) {
        int length = Math.min(keys, firstQuery + query + 2);
        Arrays.fill(first, 0, length, 0f);
        Arrays.fill(second, 0, length, 0f);
        int top = query - (queryTaps - 1); // the input row kernel row 0 sees for query q
        for (int r = Math.max(0, top); r <= query + (pair ? 1 : 0); r++) {
            float[][] slot = shifted[r % shifted.length];
            int rowForFirst = r - top; // kernel row of input row r for query q (c_q: none)
            int rowForSecond = rowForFirst - 1; // for query q+1 (-1: none)
            if (rowForFirst < queryTaps && rowForSecond >= 0 && pair) {
                addTapsToBoth(slot, kernel, rowForFirst * keyTaps, rowForSecond * keyTaps, length);
            } else if (rowForFirst < queryTaps) {
                addTaps(first, slot, kernel, rowForFirst * keyTaps, length);
            } else {
                addTaps(second, slot, kernel, rowForSecond * keyTaps, length);
            }
        }
    }

    /** {@code sums[k] += sum_c K[tap + c] * slot[c][k]} over one kernel row. */
    private void addTaps(float[] sums, float[][] slot, float[] kernel, int tap, int length) {
        int c = 0;
        for (; c + 4 <= keyTaps; c += 4) {
            float w0 = kernel[tap + c];
            float w1 = kernel[tap + c + 1];
            float w2 = kernel[tap + c + 2];
            float w3 = kernel[tap + c + 3];
            float[] x0 = slot[c];
            float[] x1 = slot[c + 1];
            float[] x2 = slot[c + 2];
            float[] x3 = slot[c + 3];
            for (int k = 0; k < length; k++) {
                sums[k] += w0 * x0[k] + w1 * x1[k] + w2 * x2[k] + w3 * x3[k];
            }
        }
        for (; c < keyTaps; c++) {
            float w = kernel[tap + c];
            float[] x = slot[c];
            for (int k = 0; k < length; k++) {
                sums[k] += w * x[k];
            }
        }
    }

    /** As {@link #addTaps} for both rows of the pair at once, kernel rows starting at {@code tapFirst} and {@code tapSecond}. */
    private void addTapsToBoth(float[][] slot, float[] kernel, int tapFirst, int tapSecond, int length) {
        float[] a = first;
        float[] b = second;
        int c = 0;
        for (; c + 4 <= keyTaps; c += 4) {
            float u0 = kernel[tapFirst + c];
            float u1 = kernel[tapFirst + c + 1];
            float u2 = kernel[tapFirst + c + 2];
            float u3 = kernel[tapFirst + c + 3];
            float v0 = kernel[tapSecond + c];
            float v1 = kernel[tapSecond + c + 1];
            float v2 = kernel[tapSecond + c + 2];
            float v3 = kernel[tapSecond + c + 3];
            float[] x0 = slot[c];
            float[] x1 = slot[c + 1];
            float[] x2 = slot[c + 2];
            float[] x3 = slot[c + 3];
            for (int k = 0; k < length; k++) {
                float y0 = x0[k];
                float y1 = x1[k];
                float y2 = x2[k];
                float y3 = x3[k];
                float sumA = a[k] + u0 * y0 + u1 * y1 + u2 * y2 + u3 * y3;
                float sumB = b[k] + v0 * y0 + v1 * y1 + v2 * y2 + v3 * y3;
                a[k] = sumA; // both loads before both stores: C2 vectorises only this order
                b[k] = sumB;
            }
        }
        for (; c < keyTaps; c++) {
            float u = kernel[tapFirst + c];
            float v = kernel[tapSecond + c];
            float[] x = slot[c];
            for (int k = 0; k < length; k++) {
                float sumA = a[k] + u * x[k];
                float sumB = b[k] + v * x[k];
                a[k] = sumA;
                b[k] = sumB;
            }
        }
    }
}
