package org.mtalens.viz.colour;

/**
 * A colour map: a position t in [0, 1] to an opaque ARGB colour, through a 1024-entry lookup table
 * interpolated between published control points. Sequential maps (viridis, cividis, magma, grey) are for values
 * that cannot be negative; {@link #BLUE_WHITE_RED} is diverging, white at t = 0.5, for signed values centred on 0.
 * Every map has two colours it never uses itself, {@link #overArgb()} and {@link #underArgb()}, for cells beyond
 * the ends of a clipped scale.
 */
public enum ColourMap {
    /** Perceptually uniform, dark purple to yellow (matplotlib/R viridis, 10 control points). */
    VIRIDIS(false, 0xFFFFFFFF, 0xFF000000,
            0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725),
    /**
     * Perceptually uniform and made for colour-vision deficiency, dark blue to yellow (cividis, Nunez et al. 2018:
     * 11 control points sampled evenly from its published 256-entry table).
     */
    CIVIDIS(false, 0xFFFFFFFF, 0xFF000000,
            0x00224E, 0x0C3470, 0x35456C, 0x4F576C, 0x666970, 0x7D7C78, 0x948E77, 0xADA272, 0xC8B866, 0xE5CF52, 0xFEE838),
    /** Perceptually uniform, black through purple and orange to pale yellow (magma, 10 control points). */
    MAGMA(false, 0xFF00C8FF, 0xFF00A000,
            0x000004, 0x180F3E, 0x451077, 0x721F81, 0x9F2F7F, 0xCD4071, 0xF1605D, 0xFD9567, 0xFEC98D, 0xFCFDBF),
    /** Black to white. */
    GREY(false, 0xFFFF8C00, 0xFF0064FF, 0x000000, 0xFFFFFF),
    /**
     * Diverging blue (negative) - white (0) - red (positive), ColorBrewer RdBu reversed with a pure white centre;
     * readable with the common colour-vision deficiencies (ColorBrewer's "colorblind safe" RdBu).
     */
    BLUE_WHITE_RED(true, 0xFFFFE000, 0xFF00E0E0,
            0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xFFFFFF, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B);

    /** Number of entries of the lookup table. */
    public static final int SIZE = 1024;

    private final boolean diverging;
    private final int over;
    private final int under;
    private final int[] table;

    ColourMap(boolean diverging, int over, int under, int... controlPoints) {
        this.diverging = diverging;
        this.over = over;
        this.under = under;
        this.table = interpolate(controlPoints);
    }

    /** @return the colour of a cell above the top of a clipped scale: a colour this map never uses */
    public int overArgb() {
        return over;
    }

    /** @return the colour of a cell below the bottom of a clipped scale: a colour this map never uses */
    public int underArgb() {
        return under;
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
