package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The causal masks of one sequence length, built in Java (DJL has no {@code triu}).
 *
 * @param keep     [T, T] 1 where key <= query, 0 for future keys
 * @param additive [T, T] 0 where key <= query, -inf for future keys
 * @param scale    [T, T] the score scale 1/sqrt(head_dim) where key <= query, 0 for future keys: scaling
 *                 and masking the scores in one pass, so the pre-softmax convolution needs no masking of its own
 */
record CausalMask(NDArray keep, NDArray additive, NDArray scale) {
    static CausalMask of(NDManager manager, int tokens, float scoreScale) {
        float[] keep = new float[tokens * tokens];
        float[] additive = new float[tokens * tokens];
        float[] scale = new float[tokens * tokens];
        for (int query = 0; query < tokens; query++) {
            for (int key = 0; key < tokens; key++) {
                boolean future = key > query;
                keep[query * tokens + key] = future ? 0f : 1f;
                additive[query * tokens + key] = future ? Float.NEGATIVE_INFINITY : 0f;
                scale[query * tokens + key] = future ? 0f : scoreScale;
            }
        }
        Shape shape = new Shape(tokens, tokens);
        return new CausalMask(manager.create(keep, shape), manager.create(additive, shape), manager.create(scale, shape));
    }

    /** Sets the future entries of float maps [.., T, T] (row-major) to 0, in place. */
    static void zeroFuture(float[] maps, int tokens) {
        int cells = tokens * tokens;
        for (int start = 0; start < maps.length; start += cells) {
            for (int query = 0; query < tokens; query++) {
                int row = start + query * tokens;
                for (int key = query + 1; key < tokens; key++) {
                    maps[row + key] = 0f;
                }
            }
        }
    }
}
