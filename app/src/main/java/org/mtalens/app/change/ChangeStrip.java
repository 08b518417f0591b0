package org.mtalens.app.change;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mtalens.runtime.analysis.HeadChange;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.ValueKind;

/** The MTA-change strip as viz draws it, on screen and in figures: layers down, heads across, NaN where not measured. */
public final class ChangeStrip {
    /** The strip's title. */
    public static final String TITLE = "mean JS divergence of final from plain attention (nats)";

    private ChangeStrip() {
    }

    /** @return a layers x heads matrix of each head's mean JS divergence, rows "L0".., columns "h0".. */
    public static Matrix matrix(List<HeadChange> changes, int layers, int heads) {
        float[] values = new float[layers * heads];
        Arrays.fill(values, Float.NaN);
        for (HeadChange h : changes) {
            values[h.layer() * heads + h.head()] = (float) h.meanDivergence();
        }
        List<String> rows = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            rows.add("L" + l);
        }
        List<String> columns = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            columns.add("h" + h);
        }
        return new Matrix(TITLE, layers, heads, values, rows, columns, ValueKind.WEIGHT, false);
    }
}
