package org.mtalens.viz.figure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ScaleLegend;
import org.mtalens.viz.colour.Ticks;

/**
 * What a figure shows, written into its metadata (SVG {@code <title>}, {@code <desc>} and {@code <metadata>}, the
 * PDF's document information) so that a figure found later says where it came from: checkpoint, tokens, layer,
 * head, stage, the colour range of every map drawn.
 *
 * @param title  one line, e.g. "layer 1 · head 2 · pipeline"
 * @param fields named values in the order given
 */
public record FigureDescription(String title, Map<String, String> fields) {
    public FigureDescription {
        Objects.requireNonNull(title, "title");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** @return a description with a title and no fields yet */
    public static FigureDescription titled(String title) {
        return new FigureDescription(title, Map.of());
    }

    /** @return this description with {@code name} set to {@code value} (replacing an earlier value of that name) */
    public FigureDescription with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new FigureDescription(title, more);
    }

    /** @return this description with the colour range of the map {@code what} from its legend */
    public FigureDescription withRange(String what, ScaleLegend legend) {
        return with("colour range" + (what.isEmpty() ? "" : " · " + what), range(legend));
    }

    /** @return the title, then one "name: value" line per field */
    public String text() {
        StringBuilder s = new StringBuilder(title);
        fields.forEach((name, value) -> s.append('\n').append(name).append(": ").append(value));
        return s.toString();
    }

    /**
     * @return e.g. {@code viridis, linear, 0 to 0.93 (data 0.0012 to 0.93; scale of this map)}, with clipped cells
     *         counted when the scale clips
     */
    public static String range(ScaleLegend legend) {
        ColourScale s = legend.scale();
        StringBuilder text = new StringBuilder(s.map().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .append(", ").append(s.scale().name().toLowerCase(java.util.Locale.ROOT)).append(", ")
                .append(Ticks.format(s.min())).append(" to ").append(Ticks.format(s.max()));
        StringBuilder about = new StringBuilder();
        if (!Double.isNaN(legend.dataMax())) {
            about.append("data ").append(Ticks.format(legend.dataMin())).append(" to ").append(Ticks.format(legend.dataMax()));
        }
        if (s.clip()) {
            about.append(about.isEmpty() ? "" : "; ").append(legend.clippedBelow()).append(" cells below, ")
                    .append(legend.clippedAbove()).append(" above");
        }
        if (!legend.sharedBy().isEmpty()) {
            about.append(about.isEmpty() ? "" : "; ").append("scale of ").append(legend.sharedBy());
        }
        return about.isEmpty() ? text.toString() : text.append(" (").append(about).append(')').toString();
    }
}
