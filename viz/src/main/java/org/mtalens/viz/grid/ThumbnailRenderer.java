package org.mtalens.viz.grid;

import org.mtalens.viz.colour.ColourLookup;
import org.mtalens.viz.colour.ColourScale;

/** Colours a pooled map into a square thumbnail, one pixel per pooled cell. Pure; safe on any thread. */
public final class ThumbnailRenderer {
    private ThumbnailRenderer() {
    }

    /** @return size x size ARGB pixels, row-major: masked cells hatched, NaN magenta */
    public static int[] render(PooledMatrix pooled, ColourScale scale) {
        int size = pooled.size();
        int[] argb = new int[size * size];
        ColourLookup lookup = new ColourLookup(scale);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                argb[y * size + x] = pooled.isMasked(y, x) ? ColourScale.maskedArgb(x, y)
                        : lookup.argb(pooled.value(y, x));
            }
        }
        return argb;
    }
}
