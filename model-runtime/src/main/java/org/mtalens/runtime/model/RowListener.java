package org.mtalens.runtime.model;

import org.mtalens.runtime.config.Stage;

/**
 * Receives maps row by row, as a replay computes them: analyses that read each query's row (divergences,
 * entropies, pooled thumbnails) never hold a whole map. A block's rows of one stage arrive for every head
 * before the next stage's; blocks arrive in query order.
 */
@FunctionalInterface
public interface RowListener {
    /**
     * @param row keys 0..query of one head's row at one stage ({@code row.length} may exceed query+1; the array
     *            is reused after the call: copy what you keep)
     */
    void row(Stage stage, int head, int query, float[] row);
}
