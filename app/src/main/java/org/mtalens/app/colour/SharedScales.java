package org.mtalens.app.colour;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.colour.ScaleSharing;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.colour.ValueSummary;
import org.mtalens.viz.heatmap.HeatmapView;

/**
 * Colours a view's maps by the user's {@link ScaleSpec}: each map on its own range, on the range of all heads of its
 * layer (what {@code layerData} says of the map's stage), or on one range over every map the view shows. A map
 * holding a negative value is drawn on the diverging map centred on 0 whatever the choice ({@code ColourScales}).
 */
public final class SharedScales {
    private SharedScales() {
    }

    /**
     * @param spec      the user's choice
     * @param views     the maps one view shows (maps not set yet are left out of a shared range)
     * @param layerData for a map, the summary of all heads of its layer at its stage (null: the map alone); used
     *                  when the spec shares by layer
     */
    public static void apply(ScaleSpec spec, List<HeatmapView> views, Function<HeatmapView, ValueSummary> layerData) {
        ValueSummary all = spec.sharing() == ScaleSharing.ALL ? union(views) : null;
        for (HeatmapView view : views) {
            view.setColourScale(null);
            view.setScaleSpec(spec);
            view.setSharedData(switch (spec.sharing()) {
                case PER_MAP -> null;
                case LAYER -> view.getMatrix() == null ? null : layerData.apply(view);
                case ALL -> all;
            });
        }
    }

    /**
     * Colours maps shown side by side to be compared (two runs, two stages) on one range over all of them, with the
     * range rule and colour maps of {@code spec}: whatever the sharing chosen, their colours compare.
     */
    public static void applyShared(ScaleSpec spec, List<HeatmapView> views) {
        apply(spec.withSharing(ScaleSharing.ALL), views, view -> null);
    }

    /** @return the summary of every map the views show */
    public static ValueSummary union(List<HeatmapView> views) {
        return ValueSummary.union(views.stream().map(HeatmapView::getMatrix).filter(Objects::nonNull)
                .map(ValueSummary::of).toList());
    }

    /** @return the summary of several maps' values */
    public static ValueSummary summaryOf(List<Matrix> maps) {
        return ValueSummary.union(maps.stream().map(ValueSummary::of).toList());
    }
}
