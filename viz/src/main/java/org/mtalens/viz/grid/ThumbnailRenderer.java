package org.mtalens.viz.grid;

import org.mtalens.viz.Matrix;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.Scale;
import org.mtalens.viz.raster.MapRasterizer;
import org.mtalens.viz.raster.PooledCells;
import org.mtalens.viz.raster.Viewport;

/**
 * Draws a whole map into a small square thumbnail: max-pooled (spikes stay visible), coloured by the default
 * scale of its kind over its own largest |value|. Pure; safe on any thread.
 */
public final class ThumbnailRenderer {
    private ThumbnailRenderer() {
    }

    /** @return size x size ARGB pixels, row-major */
    public static int[] render(Matrix map, int size) {
        PooledCells pooled = MapRasterizer.pool(map, Viewport.fit(map.rows(), map.columns(), size, size), size, size);
        ColourScale scale = ColourScale.forKind(map.kind(), pooled.absMax(), Scale.LINEAR);
        int[] argb = new int[size * size];
        MapRasterizer.colour(pooled, scale, argb);
        return argb;
    }
}
