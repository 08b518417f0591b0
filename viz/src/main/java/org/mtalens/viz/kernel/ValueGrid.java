package org.mtalens.viz.kernel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.Contrast;

/**
 * A small matrix drawn as coloured cells with their values printed (when cells are big enough), labelled rows
 * and columns with axis titles, an optional marked cell (thick outline) and blank cells. Used for kernels and
 * head-mixing matrices. Style class {@code value-grid}.
 */
public class ValueGrid extends Region {
    private static final double LABEL_W = 34;
    private static final double TITLE_H = 18;
    private static final double AXIS_H = 30;
    private static final double MIN_CELL_FOR_TEXT = 26;
    private static final double MIN_CELL = 12;

    private final ObjectProperty<GridData> data = new SimpleObjectProperty<>(this, "data");
    private final Canvas canvas = new Canvas();
    private double preferredCell = 40;

    public ValueGrid() {
        getStyleClass().add("value-grid");
        getChildren().add(canvas);
        data.addListener((o, a, b) -> {
            requestLayout();
            requestParentLayout();
        });
    }

    public ValueGrid(GridData d, double preferredCell) {
        this();
        this.preferredCell = preferredCell;
        setData(d);
    }

    public final ObjectProperty<GridData> dataProperty() {
        return data;
    }

    public final GridData getData() {
        return data.get();
    }

    public final void setData(GridData d) {
        data.set(d);
    }

    /** Sets the preferred size of one cell in pixels (the grid grows or shrinks with its space). */
    public void setPreferredCell(double px) {
        preferredCell = px;
        requestLayout();
        requestParentLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        GridData d = getData();
        return d == null ? 0 : LABEL_W + 14 + d.columns() * preferredCell + 8 + snappedLeftInset() + snappedRightInset();
    }

    /** Cells of 12 pixels (values hidden) and the labels: the grid never shrinks past readable labels. */
    @Override
    protected double computeMinWidth(double height) {
        GridData d = getData();
        return d == null ? 0 : LABEL_W + 14 + d.columns() * MIN_CELL + 8 + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        GridData d = getData();
        return d == null ? 0 : TITLE_H + AXIS_H + d.rows() * MIN_CELL + 4 + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        GridData d = getData();
        return d == null ? 0 : TITLE_H + AXIS_H + d.rows() * preferredCell + 4 + snappedTopInset()
                + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        canvas.setWidth(Math.max(0, w));
        canvas.setHeight(Math.max(0, h));
        paint(w, h);
    }

    private void paint(double w, double h) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        GridData d = getData();
        if (d == null) {
            return;
        }
        double x0 = LABEL_W + 14;
        double y0 = TITLE_H + AXIS_H;
        double cell = Math.floor(Math.min((w - x0 - 8) / d.columns(), (h - y0 - 4) / d.rows()));
        if (cell < 2) {
            return;
        }
        paintTitles(g, d, x0, y0, cell);
        for (int r = 0; r < d.rows(); r++) {
            for (int c = 0; c < d.columns(); c++) {
                paintCell(g, d, r, c, x0 + c * cell, y0 + r * cell, cell);
            }
        }
        if (d.markedRow() >= 0) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(3);
            g.strokeRect(x0 + d.markedColumn() * cell + 1.5, y0 + d.markedRow() * cell + 1.5, cell - 3, cell - 3);
        }
    }

    private static void paintTitles(GraphicsContext g, GridData d, double x0, double y0, double cell) {
        g.setFill(Color.gray(0.1));
        g.setFont(Font.font("System", FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(d.title(), 2, 1);
        g.setFont(Font.font("System", 10));
        g.setFill(Color.gray(0.4));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(d.columnAxis() + " \u2192", x0 + d.columns() * cell / 2, TITLE_H);
        g.save();
        g.translate(6, y0 + d.rows() * cell / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(d.rowAxis() + " \u2192", 0, 0);
        g.restore();
        g.setFill(Color.gray(0.2));
        g.setTextBaseline(VPos.BOTTOM);
        for (int c = 0; c < d.columns(); c++) {
            g.fillText(d.columnLabels().get(c), x0 + (c + 0.5) * cell, y0 - 2);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < d.rows(); r++) {
            g.fillText(d.rowLabels().get(r), x0 - 4, y0 + (r + 0.5) * cell);
        }
    }

    private static void paintCell(GraphicsContext g, GridData d, int r, int c, double x, double y, double cell) {
        if (d.isBlank(r, c)) {
            g.setFill(Color.gray(0.93));
            g.fillRect(x, y, cell, cell);
            return;
        }
        float v = d.value(r, c);
        int argb = d.scale().argb(v);
        g.setFill(Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255));
        g.fillRect(x, y, cell, cell);
        g.setStroke(Color.gray(1, 0.6));
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
        if (cell >= MIN_CELL_FOR_TEXT) {
            g.setFill(Contrast.isDark(argb) ? Color.WHITE : Color.BLACK);
            g.setFont(Font.font("System", Math.min(12, cell / 3.2)));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(cellText(v), x + cell / 2, y + cell / 2);
        }
    }

    /** @return a value as printed in a cell: two decimals ("NaN" for NaN) */
    public static String cellText(float v) {
        return KernelText.cellText(v);
    }

    @Override
    public String getUserAgentStylesheet() {
        return ValueGrid.class.getResource("/org/mtalens/viz/kernel-inspector.css").toExternalForm();
    }
}
