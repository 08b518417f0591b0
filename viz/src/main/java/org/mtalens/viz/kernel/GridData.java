package org.mtalens.viz.kernel;

import java.util.List;
import org.mtalens.viz.colour.ColourScale;

/**
 * What a {@link ValueGrid} draws: a small matrix of values with labelled rows and columns.
 *
 * @param title         heading above the grid
 * @param rows          number of rows
 * @param columns       number of columns
 * @param values        rows x columns, row-major
 * @param rowLabels     one per row (e.g. query offsets, destination heads)
 * @param columnLabels  one per column (e.g. key offsets, source heads)
 * @param rowAxis       what the rows are, e.g. "query offset"
 * @param columnAxis    what the columns are, e.g. "key offset"
 * @param markedRow     row of the cell to mark (identity tap), -1 for none
 * @param markedColumn  column of the cell to mark, -1 for none
 * @param blank         per cell true when there is nothing there (heads of different groups); may be null
 * @param scale         colours of the values
 */
public record GridData(String title, int rows, int columns, float[] values, List<String> rowLabels,
                       List<String> columnLabels, String rowAxis, String columnAxis, int markedRow, int markedColumn,
                       boolean[] blank, ColourScale scale) {
    public GridData {
        if (values.length != rows * columns || rowLabels.size() != rows || columnLabels.size() != columns
                || (blank != null && blank.length != values.length)) {
            throw new IllegalArgumentException("grid '" + title + "': " + rows + "x" + columns + " with "
                    + values.length + " values, " + rowLabels.size() + " row and " + columnLabels.size()
                    + " column labels");
        }
    }

    public float value(int r, int c) {
        return values[r * columns + c];
    }

    public boolean isBlank(int r, int c) {
        return blank != null && blank[r * columns + c];
    }
}
