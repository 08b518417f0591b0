package org.mtalens.viz.raster;

/**
 * A map max-pooled to pixels: per pixel the cell value of largest |value| among the cells it covers,
 * and what the pixel shows. Row-major, width x height.
 *
 * @param width  pixels across
 * @param height pixels down
 * @param values per pixel, the covered value with the largest magnitude (sign kept); 0 where not a value
 * @param states per pixel one of {@link #OUTSIDE}, {@link #VALUE}, {@link #MASKED}, {@link #NAN}
 */
public record PooledCells(int width, int height, float[] values, byte[] states) {
    /** The pixel is beyond the map's last row or column. */
    public static final byte OUTSIDE = 0;
    /** The pixel shows a value. */
    public static final byte VALUE = 1;
    /** Every cell under the pixel is masked (a future key). */
    public static final byte MASKED = 2;
    /** A cell under the pixel is NaN (NaN wins: it is always a bug worth seeing). */
    public static final byte NAN = 3;

    /** @return an empty (all OUTSIDE) buffer */
    public static PooledCells allocate(int width, int height) {
        return new PooledCells(width, height, new float[width * height], new byte[width * height]);
    }

    public float value(int x, int y) {
        return values[y * width + x];
    }

    public byte state(int x, int y) {
        return states[y * width + x];
    }

    /** @return the largest |value| over VALUE pixels (0 when there is none) */
    public float absMax() {
        float m = 0;
        for (int i = 0; i < values.length; i++) {
            if (states[i] == VALUE && Math.abs(values[i]) > m && Float.isFinite(values[i])) {
                m = Math.abs(values[i]);
            }
        }
        return m;
    }
}
