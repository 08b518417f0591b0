package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;

/**
 * Some query rows of one stage's maps, for every head, as a pass computes them: the block's array and which
 * of its rows are exact. Valid only during the {@link StageSink#stage} call (the array is freed after it).
 *
 * @param maps       [B, H, R, S] the block's maps: queries firstQuery..firstQuery+R-1 over keys 0..S-1; future
 *                   entries may hold anything
 * @param firstQuery the query of the array's row 0
 * @param from       the first query delivered (rows before it are the block's halo: not exact)
 * @param to         one past the last query delivered
 * @param tokens     T, the length of the pass (its maps are T x T)
 */
public record StageRows(NDArray maps, int firstQuery, int from, int to, int tokens) {
    /** @return H */
    public int heads() {
        return (int) maps.getShape().get(1);
    }

    /** @return S, the keys of each row (queries up to S-1) */
    public int keys() {
        return (int) maps.getShape().get(3);
    }

    /**
     * The block's memory as floats, read head by head and row by row (no copy of the whole block on the CPU).
     * Row {@code query} of head {@code h} starts at {@link #offset(int, int)}.
     */
    public FloatBuffer floats() {
        return CpuMaps.floats(maps);
    }

    /** @return where row {@code query} of head {@code head} (batch 0) starts in {@link #floats()} */
    public int offset(int head, int query) {
        long rows = maps.getShape().get(2);
        return (int) ((head * rows + (query - firstQuery)) * keys());
    }
}
