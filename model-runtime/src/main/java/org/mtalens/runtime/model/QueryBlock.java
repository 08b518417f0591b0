package org.mtalens.runtime.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A block of query rows that a layer's attention computes at once, over keys 0..end-1 only (the causal
 * triangle, in strips). The key-query convolutions read c_q-1 rows above a row, so the block also computes the
 * {@code halo} rows before {@code first} and drops them: each delivered row is exactly what a whole-map pass
 * gives. Blocks keep the [B, H, R, S] arrays of long inputs small and skip most future entries.
 *
 * @param haloStart the first query computed (0, or {@code first} minus the halo)
 * @param first     the first query delivered
 * @param end       one past the last query delivered; the block's keys are 0..end-1
 */
record QueryBlock(int haloStart, int first, int end) {
    /** The most cells one block's [B, H, R, S] array may hold (256 MB of fp32). */
    static final long MAX_CELLS = 64L << 20;
    /** Query rows per block when memory allows: small enough to skip most future entries, large enough for fast matrix products. */
    static final int ROWS = 256;
    /**
     * System property: query rows per block instead of {@value #ROWS} (tests use a few rows to cross many block
     * boundaries on small inputs; benchmarks compare sizes).
     */
    static final String ROWS_PROPERTY = "mtalens.blockRows";

    /** @return R, the rows computed (halo included) */
    int rows() {
        return end - haloStart;
    }

    /** @return the rows computed only for the convolutions, dropped from the output */
    int haloRows() {
        return first - haloStart;
    }

    /** @return S, the keys the block reads */
    int keys() {
        return end;
    }

    /** The block of the one query {@code position} (a generation step), with its halo. */
    static QueryBlock single(int position, int halo) {
        return new QueryBlock(Math.max(0, position - halo), position, position + 1);
    }

    /**
     * @param tokens T
     * @param heads  H
     * @param halo   rows the layer's convolutions read above a row: (c_q-1) + (c_q'-1) of the convolutions it has
     * @return blocks covering queries 0..T-1 in order; one block when T is at most {@link #ROWS}
     */
    static List<QueryBlock> partition(int tokens, int heads, int halo) {
        int rows = rowsPerBlock(tokens, heads, halo);
        List<QueryBlock> blocks = new ArrayList<>();
        for (int first = 0; first < tokens; first += rows) {
            blocks.add(new QueryBlock(Math.max(0, first - halo), first, Math.min(tokens, first + rows)));
        }
        return blocks;
    }

    private static int rowsPerBlock(int tokens, int heads, int halo) {
        long fitting = MAX_CELLS / ((long) heads * tokens) - halo;
        return (int) Math.max(1, Math.min(Integer.getInteger(ROWS_PROPERTY, ROWS), fitting));
    }
}
