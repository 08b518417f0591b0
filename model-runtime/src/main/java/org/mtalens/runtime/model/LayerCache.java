package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * One layer's generation cache: rotated queries, keys and values of every position so far (per query head).
 * MTA needs the queries too (as the official {@code generate.py} keeps them): a new query's key-query
 * convolutions read the c_q-1 (+ c_q'-1) query rows above it. Preallocated for the whole generation and written
 * in place, position by position.
 */
final class LayerCache {
    private final NDArray queries; // [1, H, P, E]
    private final NDArray keys; // [1, H, P, E]
    private final NDArray values; // [1, H, P, E]

    /** @param positions P, every position the generation will reach */
    LayerCache(NDManager manager, int heads, int positions, int headDim) {
        Shape shape = new Shape(1, heads, positions, headDim);
        queries = manager.zeros(shape, DataType.FLOAT32);
        keys = manager.zeros(shape, DataType.FLOAT32);
        values = manager.zeros(shape, DataType.FLOAT32);
    }

    /** Stores the prompt's rows: {@code q}, {@code k}, {@code v} [1, H, T, E] of positions 0..T-1. */
    void fill(NDArray q, NDArray k, NDArray v) {
        NDIndex rows = new NDIndex(":, :, 0:{}", q.getShape().get(2));
        queries.set(rows, q);
        keys.set(rows, k);
        values.set(rows, v);
    }

    /** Stores one position's rows: {@code heads}' q, k, v [1, H, 1, E]. */
    void append(AttentionHeads heads, int position) {
        NDIndex row = new NDIndex(":, :, {}:{}", position, position + 1);
        queries.set(row, heads.q());
        keys.set(row, heads.k());
        values.set(row, heads.v());
    }

    /** @return the queries of the block's rows and the keys and values it reads, as views of the cache */
    AttentionHeads heads(QueryBlock block) {
        return new AttentionHeads(queries.get(":, :, {}:{}", block.haloStart(), block.end()),
                keys.get(":, :, :{}", block.end()), values.get(":, :, :{}", block.end()), block.haloStart());
    }
}
