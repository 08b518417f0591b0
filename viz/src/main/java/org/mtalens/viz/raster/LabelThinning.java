package org.mtalens.viz.raster;

import java.util.ArrayList;
import java.util.List;

/**
 * Which token labels an axis can show without overlap: every {@code stride}-th label, where the stride is the
 * smallest of 1, 2, 5, 10, 20, 50, ... that leaves at least one label extent between shown labels.
 */
public final class LabelThinning {
    private LabelThinning() {
    }

    /** @return the stride between shown labels for cells {@code pixelsPerCell} apart and labels {@code extent} high */
    public static int stride(double pixelsPerCell, double extent) {
        int stride = 1;
        int[] steps = {1, 2, 5};
        for (int decade = 1; ; decade *= 10) {
            for (int s : steps) {
                stride = s * decade;
                if (stride * pixelsPerCell >= extent || stride >= 1 << 28) {
                    return stride;
                }
            }
        }
    }

    /** @return the indices in [first, last) to label: multiples of the stride */
    public static List<Integer> visible(int first, int last, double pixelsPerCell, double extent) {
        int stride = stride(pixelsPerCell, extent);
        List<Integer> out = new ArrayList<>();
        for (int i = Math.max(0, (first + stride - 1) / stride * stride); i < last; i += stride) {
            out.add(i);
        }
        return out;
    }

    /** @return a token's text made readable on an axis: whitespace made visible, long text cut with an ellipsis */
    public static String display(String token, int maxChars) {
        String s = token.replace(" ", "\u2423").replace("\n", "\u21b5").replace("\t", "\u21e5");
        return s.length() <= maxChars ? s : s.substring(0, Math.max(1, maxChars - 1)) + "\u2026";
    }
}
