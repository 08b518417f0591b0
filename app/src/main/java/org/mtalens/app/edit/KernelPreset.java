package org.mtalens.app.edit;

import java.util.Arrays;
import org.mtalens.runtime.config.PadKey;

/**
 * Ready-made weights the editor can put in place of a kernel. For a c_q x c_k key-query kernel, row r0 = c_q-1 is
 * the current query and column m (c_k/2 for pad_key both, c_k-1 for left, 0 for right) the current key; tap (i, j)
 * reads the input map at (query q-(c_q-1)+i, key k-m+j). For a head-mixing matrix only identity, zero and box blur
 * apply. Each preset is defined in README's "Kernel editor" section; the definitions here are those.
 */
public enum KernelPreset {
    /** 1 at (r0, m): the map passes through unchanged (what ablating the kernel does); for a matrix, I. */
    IDENTITY("identity"),
    /** Every tap 0: the stage outputs 0 (scores of 0 become a uniform softmax). */
    ZERO("zero"),
    /**
     * 1 on the diagonal through (r0, m) towards earlier queries and keys, (r0-d, m-d) for every d the kernel has:
     * cell (q, k) sums the scores of q-d against k-d, largest where consecutive query letters match consecutive keys.
     */
    SEQUENCE_MATCHER("sequence matcher"),
    /** +1 at (r0, m), -1 at (r0, m-1) (at (r0, m+1) when m = 0): the score minus the previous key's: an edge along keys. */
    EDGE_ALONG_KEYS("edge detector"),
    /** 1 at (r0, m-1) (at (r0, m+1) when m = 0): each cell takes the previous key's score, moving the map one key later. */
    SHIFT_ONE_KEY("shift by one key"),
    /** Every tap 1/(rows x columns): the mean of the neighbourhood (for a matrix: every head gets the heads' mean). */
    BOX_BLUR("box blur");

    private final String label;

    KernelPreset(String label) {
        this.label = label;
    }

    /** @return the button text */
    public String label() {
        return label;
    }

    /** @return the id of its button, e.g. {@code preset-sequence-matcher} */
    public String buttonId() {
        return "preset-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** @return whether the preset exists for a kernel of this shape ({@code keyQuery}: c_q x c_k, else a matrix) */
    public boolean appliesTo(boolean keyQuery, int columns) {
        return switch (this) {
            case IDENTITY, ZERO, BOX_BLUR -> true;
            case SEQUENCE_MATCHER -> keyQuery;
            case EDGE_ALONG_KEYS, SHIFT_ONE_KEY -> keyQuery && columns > 1;
        };
    }

    /**
     * @param keyQuery whether it is a key-query kernel (else a square head-mixing matrix)
     * @return [rows][columns] the preset's values
     * @throws IllegalArgumentException when the preset does not apply ({@link #appliesTo})
     */
    public float[][] values(boolean keyQuery, int rows, int columns, PadKey padKey) {
        if (!appliesTo(keyQuery, columns)) {
            throw new IllegalArgumentException(label + " does not apply to a " + rows + " x " + columns
                    + (keyQuery ? " kernel" : " matrix"));
        }
        float[][] v = new float[rows][columns];
        int r0 = rows - 1;
        int m = keyQuery ? padKey.currentKeyColumn(columns) : 0;
        int neighbour = m >= 1 ? m - 1 : m + 1;
        switch (this) {
            case IDENTITY -> {
                if (keyQuery) {
                    v[r0][m] = 1f;
                } else {
                    for (int i = 0; i < rows; i++) {
                        v[i][i] = 1f;
                    }
                }
            }
            case ZERO -> { }
            case SEQUENCE_MATCHER -> {
                for (int d = 0; r0 - d >= 0 && m - d >= 0; d++) {
                    v[r0 - d][m - d] = 1f;
                }
            }
            case EDGE_ALONG_KEYS -> {
                v[r0][m] = 1f;
                v[r0][neighbour] = -1f;
            }
            case SHIFT_ONE_KEY -> v[r0][neighbour] = 1f;
            case BOX_BLUR -> {
                float each = keyQuery ? 1f / (rows * columns) : 1f / columns; // a matrix averages over source heads
                Arrays.stream(v).forEach(row -> Arrays.fill(row, each));
            }
        }
        return v;
    }
}
