package org.mtalens.runtime.html;

import java.util.List;
import java.util.Objects;

/**
 * A small matrix the page draws beside the maps: one head's key-query kernel, or a layer's head mixing.
 *
 * @param stage        the stage this matrix makes, e.g. {@code pre_sm_conv} or {@code post_sm_head_mix}
 * @param title        what it is, e.g. {@code layer 1 · pre_sm_conv kernel · head 2}
 * @param head         the head of a key-query kernel, -1 for a head mixing (all heads)
 * @param rowAxis      what rows are, e.g. {@code query offset} or {@code to head}
 * @param columnAxis   what columns are
 * @param rowLabels    one label per row
 * @param columnLabels one label per column
 * @param marked       [row, column] of a cell to frame (a kernel's identity tap), or null
 * @param values       [rows, columns] row-major; NaN where nothing is mixed (heads of different groups)
 */
public record PageMatrix(String stage, String title, int head, String rowAxis, String columnAxis, List<String> rowLabels,
                         List<String> columnLabels, int[] marked, float[] values) {
    public PageMatrix {
        Objects.requireNonNull(title, "title");
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        if ((long) rowLabels.size() * columnLabels.size() != values.length) {
            throw new IllegalArgumentException(title + ": " + rowLabels.size() + "x" + columnLabels.size()
                    + " labels for " + values.length + " values");
        }
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }
}
