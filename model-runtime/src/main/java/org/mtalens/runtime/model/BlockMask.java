package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The causal masks of one query block (queries haloStart..end-1 over keys 0..end-1), built in Java (DJL has
 * no {@code triu}). Each is made on first use and lives as long as the pass's manager.
 */
final class BlockMask {
    private final NDManager manager;
    private final QueryBlock block;
    private final float scoreScale;
    private NDArray keep;
    private NDArray additive;
    private NDArray scale;

    BlockMask(NDManager manager, QueryBlock block, float scoreScale) {
        this.manager = manager;
        this.block = block;
        this.scoreScale = scoreScale;
    }

    /** @return [R, S] 1 where key <= query, 0 for future keys */
    NDArray keep() {
        if (keep == null) {
            keep = build(1f, 0f);
        }
        return keep;
    }

    /** @return [R, S] 0 where key <= query, -inf for future keys: added to scores before the softmax */
    NDArray additive() {
        if (additive == null) {
            additive = build(0f, Float.NEGATIVE_INFINITY);
        }
        return additive;
    }

    /**
     * @return [R, S] 1/sqrt(head_dim) where key <= query, 0 for future keys: scaling and masking the scores in one
     *         pass, so the pre-softmax convolution needs no masking of its own
     */
    NDArray scale() {
        if (scale == null) {
            scale = build(scoreScale, 0f);
        }
        return scale;
    }

    private NDArray build(float causal, float future) {
        int rows = block.rows();
        int keys = block.keys();
        float[] values = new float[rows * keys];
        for (int row = 0; row < rows; row++) {
            int query = block.haloStart() + row;
            java.util.Arrays.fill(values, row * keys, row * keys + query + 1, causal);
            java.util.Arrays.fill(values, row * keys + query + 1, (row + 1) * keys, future);
        }
        return manager.create(values, new Shape(rows, keys));
    }

    /** Sets the future entries of float maps [.., T, T] (row-major) to 0, in place. */
    static void zeroFuture(float[] maps, int tokens) {
        int cells = tokens * tokens;
        for (int start = 0; start < maps.length; start += cells) {
            for (int query = 0; query < tokens; query++) {
                int row = start + query * tokens;
                java.util.Arrays.fill(maps, row + query + 1, row + tokens, 0f);
            }
        }
    }
}
