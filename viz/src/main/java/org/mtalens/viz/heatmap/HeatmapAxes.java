package org.mtalens.viz.heatmap;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.raster.LabelThinning;
import org.mtalens.viz.raster.Viewport;

/** Draws a heatmap's token labels: queries on the left, keys on top (rotated), thinned so they never overlap. */
final class HeatmapAxes {
    static final int MAX_CHARS = 12;
    private static final Font FONT = Font.font("System", 11);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 11);
    private static final double LINE = 13;
    private static final Color TEXT = Color.gray(0.2);
    private static final Color ACCENT = Color.web("#c2410c");

    private final Canvas rows = new Canvas();
    private final Canvas columns = new Canvas();
    private final Canvas corner = new Canvas();

    Canvas rows() {
        return rows;
    }

    Canvas columns() {
        return columns;
    }

    Canvas corner() {
        return corner;
    }

    /** Labels measured for {@link #measured} (measuring hundreds of labels on every frame would cost ms). */
    private Matrix measured;
    private double rowAxisWidth;
    private double columnAxisHeight;

    double rowAxisWidth(Matrix m) {
        measure(m);
        return rowAxisWidth;
    }

    double columnAxisHeight(Matrix m) {
        measure(m);
        return columnAxisHeight;
    }

    private void measure(Matrix m) {
        if (m == measured) {
            return;
        }
        measured = m;
        rowAxisWidth = m == null ? 0 : Math.ceil(Math.min(110, Math.max(38, longest(m.rowLabels()) + 10)));
        columnAxisHeight = m == null ? 0 : Math.ceil(Math.min(110, Math.max(38, longest(m.columnLabels()) + 10)));
    }

    private static double longest(List<String> labels) {
        Text probe = new Text();
        probe.setFont(FONT);
        double best = 0;
        int step = Math.max(1, labels.size() / 512);
        for (int i = 0; i < labels.size(); i += step) {
            probe.setText(LabelThinning.display(labels.get(i), MAX_CHARS));
            best = Math.max(best, probe.getLayoutBounds().getWidth());
        }
        return best;
    }

    void layout(double x, double y, double axisW, double axisH, double plotW, double plotH) {
        size(corner, x, y, axisW, axisH);
        size(rows, x, y + axisH, axisW, plotH);
        size(columns, x + axisW, y, plotW, axisH);
    }

    private static void size(Canvas c, double x, double y, double w, double h) {
        c.relocate(x, y);
        c.setWidth(Math.max(0, w));
        c.setHeight(Math.max(0, h));
    }

    void paint(HeatmapView view) {
        Matrix m = view.getMatrix();
        Viewport v = view.getViewport();
        clear(rows);
        clear(columns);
        clear(corner);
        if (m == null || v == null) {
            return;
        }
        paintCorner();
        paintRows(m, v, view.highlightedTokenProperty().get());
        paintColumns(m, v, view.highlightedTokenProperty().get());
    }

    private static void clear(Canvas c) {
        c.getGraphicsContext2D().clearRect(0, 0, c.getWidth(), c.getHeight());
    }

    private void paintCorner() {
        GraphicsContext g = corner.getGraphicsContext2D();
        g.setFont(FONT);
        g.setFill(Color.gray(0.45));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("key \u2192", corner.getWidth() - 4, corner.getHeight() - 16);
        g.fillText("query \u2193", corner.getWidth() - 4, corner.getHeight() - 2);
    }

    private void paintRows(Matrix m, Viewport v, int highlighted) {
        GraphicsContext g = rows.getGraphicsContext2D();
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        int first = (int) Math.max(0, Math.floor(v.rowAt(0)));
        int last = (int) Math.min(m.rows(), Math.ceil(v.rowAt(rows.getHeight())));
        for (int i : LabelThinning.visible(first, last, v.pixelsPerCell(), LINE)) {
            label(g, m.rowLabels().get(i), rows.getWidth() - 5, v.yOf(i + 0.5), i == highlighted);
        }
        if (highlighted >= first && highlighted < last) {
            label(g, m.rowLabels().get(highlighted), rows.getWidth() - 5, v.yOf(highlighted + 0.5), true);
        }
    }

    private void paintColumns(Matrix m, Viewport v, int highlighted) {
        GraphicsContext g = columns.getGraphicsContext2D();
        int first = (int) Math.max(0, Math.floor(v.columnAt(0)));
        int last = (int) Math.min(m.columns(), Math.ceil(v.columnAt(columns.getWidth())));
        for (int i : LabelThinning.visible(first, last, v.pixelsPerCell(), LINE)) {
            rotatedLabel(g, m.columnLabels().get(i), v.xOf(i + 0.5), i == highlighted);
        }
        if (highlighted >= first && highlighted < last) {
            rotatedLabel(g, m.columnLabels().get(highlighted), v.xOf(highlighted + 0.5), true);
        }
    }

    private void rotatedLabel(GraphicsContext g, String text, double x, boolean accent) {
        g.save();
        g.translate(x, columns.getHeight() - 5);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        label(g, text, 0, 0, accent);
        g.restore();
    }

    private static void label(GraphicsContext g, String text, double x, double y, boolean accent) {
        g.setFont(accent ? BOLD : FONT);
        g.setFill(accent ? ACCENT : TEXT);
        g.fillText(LabelThinning.display(text, MAX_CHARS), x, y);
    }
}
