package org.mtalens.runtime.html;

import org.mtalens.runtime.model.AttentionMap;

/**
 * Max-|value| pooling of attention maps to at most {@code maxCells} x {@code maxCells} cells, keeping the sign, so
 * a sharp weight or a strongly negative score stays visible in a small page (mean pooling would wash it out).
 */
public final class MapPooling {
    private MapPooling() {
    }

    /** @return tokens per cell for a T-token map limited to {@code maxCells} cells per side: ceil(T / maxCells) */
    public static int factor(int tokens, int maxCells) {
        if (maxCells < 1) {
            throw new IllegalArgumentException("maxCells must be positive, got " + maxCells);
        }
        return Math.max(1, (tokens + maxCells - 1) / maxCells);
    }

    /** @return {@code map} pooled to at most {@code maxCells} cells per side (the map's own values when it fits) */
    public static PooledMap pool(AttentionMap map, int maxCells) {
        int tokens = map.tokens();
        int factor = factor(tokens, maxCells);
        int size = (tokens + factor - 1) / factor;
        float[] values = map.values(); // [T, T]
        if (factor == 1) {
            return new PooledMap(map.layer(), map.stage(), map.head(), tokens, 1, size, values);
        }
        float[] pooled = new float[size * size]; // [P, P]
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                pooled[row * size + column] = largestMagnitude(values, tokens, row * factor, column * factor, factor);
            }
        }
        return new PooledMap(map.layer(), map.stage(), map.head(), tokens, factor, size, pooled);
    }

    /** @return the value of largest |value| in the block from (query, key), {@code factor} wide, cut at T; NaN wins */
    private static float largestMagnitude(float[] values, int tokens, int query, int key, int factor) {
        float largest = 0;
        for (int q = query; q < Math.min(query + factor, tokens); q++) {
            for (int k = key; k < Math.min(key + factor, tokens); k++) {
                float v = values[q * tokens + k];
                if (Float.isNaN(v)) {
                    return Float.NaN;
                }
                if (Math.abs(v) > Math.abs(largest)) {
                    largest = v;
                }
            }
        }
        return largest;
    }
}
