package org.mtalens.viz.colour;

/**
 * A colour map: a position t in [0, 1] to an opaque ARGB colour, through a 1024-entry lookup table
 * interpolated between published control points. Sequential maps (viridis, magma, grey) are for weights;
 * {@link #BLUE_WHITE_RED} is diverging, white at t = 0.5, for signed values centred on 0.
 */
public enum ColourMap {
    /** Perceptually uniform, dark purple to yellow (matplotlib/R viridis, 10 control points). */
    VIRIDIS(false, 0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725),
    /** Perceptually uniform, black through purple and orange to pale yellow (magma, 10 control points). */
    MAGMA(false, 0x000004, 0x180F3E, 0x451077, 0x721F81, 0x9F2F7F, 0xCD4071, 0xF1605D, 0xFD9567, 0xFEC98D, 0xFCFDBF),
    /** Black to white. */
    GREY(false, 0x000000, 0xFFFFFF),
    /** Diverging blue (negative) - white (0) - red (positive), ColorBrewer RdBu reversed with a pure white centre. */
    BLUE_WHITE_RED(true, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xFFFFFF, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B);

    /** Number of entries of the lookup table. */
    public static final int SIZE = 1024;

    private final boolean diverging;
    private final int[] table;

    ColourMap(boolean diverging, int... controlPoints) {
        this.diverging = diverging;
        this.table = interpolate(controlPoints);
    }

    /** @return true for a map centred on 0 (white in the middle) */
    public boolean isDiverging() {
        return diverging;
    }

    /** @return the opaque ARGB colour at position t; t is clamped to [0, 1] */
    public int argb(double t) {
        if (!(t > 0)) {
            return table[0];
        }
        return table[t >= 1 ? SIZE - 1 : (int) (t * (SIZE - 1) + 0.5)];
    }

    /** @return the ARGB colour of lookup-table entry {@code index} (0 .. SIZE-1) */
    int entry(int index) {
        return table[index];
    }

    private static int[] interpolate(int[] points) {
        int[] out = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double x = (double) i / (SIZE - 1) * (points.length - 1);
            int a = Math.min((int) x, points.length - 2);
            double f = x - a;
            out[i] = 0xFF000000 | mix(points[a], points[a + 1], f);
        }
        return out;
    }

    private static int mix(int c0, int c1, double f) {
        int r = (int) Math.round(((c0 >> 16) & 255) * (1 - f) + ((c1 >> 16) & 255) * f);
        int g = (int) Math.round(((c0 >> 8) & 255) * (1 - f) + ((c1 >> 8) & 255) * f);
        int b = (int) Math.round((c0 & 255) * (1 - f) + (c1 & 255) * f);
        return r << 16 | g << 8 | b;
    }
}
