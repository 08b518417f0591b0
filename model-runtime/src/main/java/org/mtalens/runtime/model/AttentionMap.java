package org.mtalens.runtime.model;

import org.mtalens.runtime.config.Stage;

/**
 * One head's attention map at one stage of one layer: T x T values, query rows, key columns,
 * row-major. Entries whose key comes after the query are 0 (as in the reference fixtures).
 *
 * @param layer  layer index
 * @param stage  pipeline stage
 * @param head   head index
 * @param tokens T, the sequence length
 * @param values T*T values, {@code values[query * T + key]}
 */
public record AttentionMap(int layer, Stage stage, int head, int tokens, float[] values) {
    public AttentionMap {
        if ((long) tokens * tokens != values.length) {
            throw new IllegalArgumentException("a map over " + tokens + " tokens needs " + (long) tokens * tokens
                    + " values, got " + values.length);
        }
    }

    /** @return the weight (or score) of {@code key} for {@code query} */
    public float value(int query, int key) {
        return values[query * tokens + key];
    }

    @Override
    public float[] values() {
        return values.clone();
    }
}
