package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;

/**
 * One layer's rotated queries, keys and values, per query head (key/value heads repeated).
 *
 * @param q          [B, H, T', E] queries of positions firstQuery..firstQuery+T'-1
 * @param k          [B, H, S', E] keys of positions 0..S'-1
 * @param v          [B, H, S', E] values of positions 0..S'-1
 * @param firstQuery the position of {@code q}'s row 0 (0 in a whole pass; a generation step's cache holds a window)
 */
record AttentionHeads(NDArray q, NDArray k, NDArray v, int firstQuery) {
    /** @return [B, H, R, E] the queries of the block's rows (halo included) */
    NDArray queries(QueryBlock block) {
        int from = block.haloStart() - firstQuery;
        int to = block.end() - firstQuery;
        return from == 0 && to == q.getShape().get(2) ? q : q.get(":, :, " + from + ":" + to);
    }

    /** @return [B, H, S, E] the keys the block reads */
    NDArray keys(QueryBlock block) {
        return block.end() == k.getShape().get(2) ? k : k.get(":, :, :" + block.end());
    }

    /** @return [B, H, S, E] the values the block reads */
    NDArray values(QueryBlock block) {
        return block.end() == v.getShape().get(2) ? v : v.get(":, :, :" + block.end());
    }
}
