package org.mtalens.runtime.model;

import java.util.Objects;
import org.mtalens.runtime.config.Stage;

/**
 * One head's attention map at one stage of one layer: T x T values, query rows, key columns. Entries whose key
 * comes after the query are 0 (as in the reference fixtures), so only the causal triangle is held: keys 0..q of
 * each query q, T(T+1)/2 values, half the memory of the square (0.8 GB instead of 1.6 GB for a layer of the
 * 830M model at T=2048).
 */
public final class AttentionMap {
    private final int layer;
    private final Stage stage;
    private final int head;
    private final int tokens;
    /** Query q's keys 0..q start at q(q+1)/2. */
    private final float[] triangle;

    /**
     * @param layer  layer index
     * @param stage  pipeline stage
     * @param head   head index
     * @param tokens T, the sequence length
     * @param values T*T values, {@code values[query * T + key]}; those of future keys (key > query) are not kept
     */
    public AttentionMap(int layer, Stage stage, int head, int tokens, float[] values) {
        this(triangle(tokens, values), layer, stage, head, tokens);
    }

    private AttentionMap(float[] triangle, int layer, Stage stage, int head, int tokens) {
        this.layer = layer;
        this.stage = Objects.requireNonNull(stage, "stage");
        this.head = head;
        this.tokens = tokens;
        this.triangle = triangle;
    }

    /** @return a map over the causal triangle {@code triangle} ({@link #cells}(T) values), which the caller fills in place */
    static AttentionMap ofTriangle(int layer, Stage stage, int head, int tokens, float[] triangle) {
        if (triangle.length != cells(tokens)) {
            throw new IllegalArgumentException("the causal triangle of " + tokens + " tokens has " + cells(tokens)
                    + " values, got " + triangle.length);
        }
        return new AttentionMap(triangle, layer, stage, head, tokens);
    }

    /** @return the values a map over {@code tokens} tokens holds: T(T+1)/2 */
    public static int cells(int tokens) {
        return Math.toIntExact((long) tokens * (tokens + 1) / 2);
    }

    /** @return the bytes a map over {@code tokens} tokens holds */
    public static long bytes(int tokens) {
        return (long) cells(tokens) * Float.BYTES;
    }

    /** @return where query {@code query}'s keys start in the triangle */
    static int rowStart(int query) {
        return (int) ((long) query * (query + 1) / 2);
    }

    private static float[] triangle(int tokens, float[] values) {
        if ((long) tokens * tokens != values.length) {
            throw new IllegalArgumentException("a map over " + tokens + " tokens needs " + (long) tokens * tokens
                    + " values, got " + values.length);
        }
        float[] triangle = new float[cells(tokens)];
        for (int query = 0; query < tokens; query++) {
            System.arraycopy(values, query * tokens, triangle, rowStart(query), query + 1);
        }
        return triangle;
    }

    public int layer() {
        return layer;
    }

    public Stage stage() {
        return stage;
    }

    public int head() {
        return head;
    }

    /** @return T, the sequence length */
    public int tokens() {
        return tokens;
    }

    /** @return the weight (or score) of {@code key} for {@code query}; 0 for a future key */
    public float value(int query, int key) {
        if (query < 0 || query >= tokens || key < 0 || key >= tokens) {
            throw new IndexOutOfBoundsException("cell (" + query + ", " + key + ") of a map over " + tokens + " tokens");
        }
        return key > query ? 0f : triangle[rowStart(query) + key];
    }

    /** @return a copy of the T*T values, row-major, {@code values[query * T + key]}, future keys 0 */
    public float[] values() {
        float[] values = new float[Math.multiplyExact(tokens, tokens)];
        copyTo(values);
        return values;
    }

    /** Writes the T*T values into {@code square} (row-major, future keys 0), as {@link #values()} returns them. */
    public void copyTo(float[] square) {
        if (square.length != (long) tokens * tokens) {
            throw new IllegalArgumentException("a map over " + tokens + " tokens has " + (long) tokens * tokens
                    + " values, not " + square.length);
        }
        for (int query = 0; query < tokens; query++) {
            int row = query * tokens;
            System.arraycopy(triangle, rowStart(query), square, row, query + 1);
            java.util.Arrays.fill(square, row + query + 1, row + tokens, 0f);
        }
    }

    /** @return the triangle itself, for the runtime to fill again once every view has let the map go ({@link RecycledMaps}) */
    float[] memory() {
        return triangle;
    }

    @Override
    public String toString() {
        return "AttentionMap[layer " + layer + ", " + stage.id() + ", head " + head + ", T=" + tokens + "]";
    }
}
