package org.mtalens.viz.grid;

import java.util.List;
import org.mtalens.viz.heatmap.HoverText;
import org.mtalens.viz.raster.LabelThinning;

/** The text under the model grid while the pointer is on a thumbnail: where, which tokens, which value. */
public final class GridReadout {
    private GridReadout() {
    }

    /**
     * @param fx the pointer's position across the thumbnail, 0..1
     * @param fy the pointer's position down the thumbnail, 0..1
     * @return e.g. {@code layer 2 · head 5 · queries 120–127 "the"… → keys 40–47 "cat"… · largest |value| -0.5320}
     */
    public static String describe(GridCell cell, PooledMatrix map, List<String> tokens, double fx, double fy) {
        String where = "layer " + cell.layer() + " \u00b7 head " + cell.head();
        if (map == null) {
            return where + " \u00b7 no map at this stage";
        }
        int column = Math.max(0, Math.min(map.size() - 1, (int) (fx * map.size())));
        int row = Math.max(0, Math.min(map.size() - 1, (int) (fy * map.size())));
        String value = map.isMasked(row, column) ? "masked (future keys)"
                : (map.endToken(row) - map.firstToken(row) > 1 ? "largest |value| " : "value ")
                + HoverText.number(map.value(row, column));
        return where + " \u00b7 " + span("query", map.firstToken(row), map.endToken(row), tokens) + " \u2192 "
                + span("key", map.firstToken(column), map.endToken(column), tokens) + " \u00b7 " + value;
    }

    private static String span(String what, int from, int to, List<String> tokens) {
        String first = from < tokens.size() ? " \"" + LabelThinning.display(tokens.get(from), 16) + "\"" : "";
        if (to - from <= 1) {
            return what + " " + from + first;
        }
        return what + "s " + from + "\u2013" + (to - 1) + first + (first.isEmpty() ? "" : "\u2026");
    }
}
