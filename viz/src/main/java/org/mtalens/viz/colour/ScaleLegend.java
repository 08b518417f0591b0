package org.mtalens.viz.colour;

/**
 * What a colour bar says about the map(s) it explains: the scale, the data's smallest and largest value (marked on
 * the bar), how many cells are drawn clipped below and above the scale, and which maps share the scale. Also what
 * a figure's description records for each map drawn.
 *
 * @param scale        the colour scale
 * @param dataMin      the smallest finite value of the data (NaN when none)
 * @param dataMax      the largest finite value of the data (NaN when none)
 * @param clippedBelow cells drawn in the under colour
 * @param clippedAbove cells drawn in the over colour
 * @param sharedBy     who shares the scale, e.g. "this map", "all heads of layer 2", "all maps"
 */
public record ScaleLegend(ColourScale scale, double dataMin, double dataMax, long clippedBelow, long clippedAbove,
                          String sharedBy) {
    /** @return the legend of data summarised by {@code data} under {@code scale}, clip counts from the summary */
    public static ScaleLegend of(ColourScale scale, ValueSummary data, String sharedBy) {
        long[] clipped = ColourScales.clippedCells(data, scale);
        return new ScaleLegend(scale, data.min(), data.max(), clipped[0], clipped[1], sharedBy);
    }

    /** @return "diverging" or "sequential": the kind of colour map */
    public String kind() {
        return scale.map().isDiverging() ? "diverging" : "sequential";
    }

    /** @return all clipped cells */
    public long clipped() {
        return clippedBelow + clippedAbove;
    }
}
