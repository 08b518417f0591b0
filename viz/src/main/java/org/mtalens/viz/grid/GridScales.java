package org.mtalens.viz.grid;

import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ColourScales;
import org.mtalens.viz.colour.ScaleLegend;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.colour.ValueSummary;

/**
 * The colour scales of a model grid: the summaries of the maps seen so far, merged per layer and over the whole
 * grid as thumbnails arrive (one at a time, never holding the maps), and the scale each thumbnail gets under a
 * {@link ScaleSpec}: its own range, its layer's, or the whole grid's. Plain maths, no window needed.
 */
public final class GridScales {
    private final ValueSummary[] layers;
    private final ValueSummary all = ValueSummary.empty();

    public GridScales(int layerCount) {
        layers = new ValueSummary[layerCount];
        for (int l = 0; l < layerCount; l++) {
            layers[l] = ValueSummary.empty();
        }
    }

    /** Counts one more map of {@code layer} in its layer's and the grid's ranges. */
    public void add(int layer, ValueSummary map) {
        layers[layer].merge(map);
        all.merge(map);
    }

    /** @return the summary a thumbnail of {@code layer} is coloured from under {@code spec} */
    public ValueSummary dataFor(ScaleSpec spec, int layer, ValueSummary own) {
        return switch (spec.sharing()) {
            case PER_MAP -> own;
            case LAYER -> layers[layer];
            case ALL -> all;
        };
    }

    /** @return the colour scale of a thumbnail of {@code layer} whose own values are {@code own} */
    public ColourScale scaleFor(ScaleSpec spec, int layer, ValueSummary own) {
        return ColourScales.choose(spec, dataFor(spec, layer, own));
    }

    /** @return the legend for that thumbnail's scale: the shared data's min and max and clipped cells */
    public ScaleLegend legendFor(ScaleSpec spec, int layer, int head, ValueSummary own) {
        String by = switch (spec.sharing()) {
            case PER_MAP -> "layer " + layer + " head " + head + " alone";
            case LAYER -> "all heads of layer " + layer;
            case ALL -> "all maps of the grid";
        };
        ValueSummary data = dataFor(spec, layer, own);
        return ScaleLegend.of(ColourScales.choose(spec, data), data, by);
    }
}
