package org.mtalens.viz.heatmap;

import java.util.Locale;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.raster.LabelThinning;

/** The text of a map's hover tooltip: query token, key token, value and what the map is. */
public final class HoverText {
    private HoverText() {
    }

    /**
     * @return e.g. {@code query 5 "cat" → key 2 "the"}, a new line, {@code value 0.4213}, a new line, the title;
     * masked cells say {@code masked (future key)}, NaN cells {@code NaN}
     */
    public static String describe(Matrix map, int row, int column) {
        String cellText = "query " + row + " \"" + LabelThinning.display(map.rowLabels().get(row), 24) + "\" \u2192 key "
                + column + " \"" + LabelThinning.display(map.columnLabels().get(column), 24) + "\"";
        return cellText + "\n" + valueText(map, row, column) + "\n" + map.title();
    }

    /** @return {@code value 0.4213}, {@code masked (future key)} or {@code value NaN} */
    public static String valueText(Matrix map, int row, int column) {
        if (map.isMasked(row, column)) {
            return "masked (future key)";
        }
        return "value " + number(map.value(row, column));
    }

    /** @return a value with 4 significant decimals (exponent form when tiny or huge), NaN as NaN */
    public static String number(float v) {
        if (Float.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        if (v != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
