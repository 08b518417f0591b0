package org.mtalens.viz.kernel;

import java.util.Locale;
import org.mtalens.viz.Kernel;

/**
 * The words and numbers the kernel views print, in plain Java so that the inspector on screen and a figure of it say
 * the same: a cell's value and the distances of a layer's kernels from the identity kernel.
 */
public final class KernelText {
    /** {@link #distances} of every head. */
    public static final int ALL_HEADS = -1;

    private KernelText() {
    }

    /** @return the heading of a layer's kernels, e.g. {@code layer 1 · pre_sm_conv kernel  (3×5, pad_key both)} */
    public static String title(Kernel k) {
        return k.title() + "  (" + k.queryTaps() + "\u00d7" + k.keyTaps() + ", pad_key "
                + k.padKey().name().toLowerCase(Locale.ROOT) + ")";
    }

    /** @return a value as printed in a cell: two decimals ("NaN" for NaN) */
    public static String cellText(float v) {
        if (Float.isNaN(v)) {
            return "NaN";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }

    /**
     * @return e.g. {@code distance from identity: head 2 0.1234 · layer (all 4 heads) 0.4567}; for
     *         {@link #ALL_HEADS}, every head's distance
     */
    public static String distances(Kernel k, int shownHead) {
        StringBuilder s = new StringBuilder("distance from identity: ");
        for (int h = 0; h < k.heads(); h++) {
            if (shownHead == ALL_HEADS || h == shownHead) {
                s.append("head ").append(h).append(' ').append(fixed(k.headDistanceFromIdentity(h))).append(" \u00b7 ");
            }
        }
        return s.append("layer (all ").append(k.heads()).append(" heads) ").append(fixed(k.layerDistanceFromIdentity()))
                .toString();
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
