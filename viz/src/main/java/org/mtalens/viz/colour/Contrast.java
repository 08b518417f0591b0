package org.mtalens.viz.colour;

/** Which text colour reads on a background colour. */
public final class Contrast {
    private Contrast() {
    }

    /** @return true when black text would be hard to read on this colour (white reads better) */
    public static boolean isDark(int argb) {
        double lum = 0.2126 * ((argb >> 16) & 255) + 0.7152 * ((argb >> 8) & 255) + 0.0722 * (argb & 255);
        return lum < 128 || argb == ColourScale.NAN;
    }
}
