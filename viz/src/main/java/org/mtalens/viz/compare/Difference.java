package org.mtalens.viz.compare;

import org.mtalens.viz.Matrix;
import org.mtalens.viz.ValueKind;

/** The signed difference of two maps of the same shape: after - before, a SIGNED map with before's labels. */
public final class Difference {
    private Difference() {
    }

    /** @return after - before, causal when either is; titled "difference: after - before" */
    public static Matrix of(Matrix before, Matrix after) {
        float[] b = before.values();
        float[] a = after.values();
        float[] d = new float[b.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return new Matrix("difference: " + after.title() + " \u2212 " + before.title(), before.rows(),
                before.columns(), d, before.rowLabels(), before.columnLabels(), ValueKind.SIGNED,
                before.causal() || after.causal());
    }
}
