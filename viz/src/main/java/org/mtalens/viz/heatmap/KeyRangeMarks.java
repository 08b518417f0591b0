package org.mtalens.viz.heatmap;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import org.mtalens.viz.TokenRange;
import org.mtalens.viz.raster.Viewport;

/**
 * Marks a range of key columns ({@link HeatmapView#markedKeysProperty()}): a translucent band over those columns
 * across the whole map (a node in the map area, above the map pixels and below the hover overlay) and a bracket
 * with the range's label along the top of the key-axis labels. Only moves nodes; never touches the map pixels.
 * <p>The band's edges sit on the pixel boundaries the rasteriser uses (pixel {@code p} shows the column under
 * {@code p + 0.5}), so it covers exactly the pixels of columns {@code [from, to)}, clipped to the map area.
 * Style classes {@code heatmap-marked-band}, {@code heatmap-marked-bracket}, {@code heatmap-marked-label}.
 */
final class KeyRangeMarks {
    /** Distance of the bracket line from the top of the key axis: room for its label above it. */
    static final double BRACKET_Y = 15;
    private static final double TICK = 5;

    private final Rectangle band = new Rectangle();
    private final Pane bracketLayer = new Pane();
    private final Path bracket = new Path();
    private final Label label = new Label();

    KeyRangeMarks() {
        band.getStyleClass().add("heatmap-marked-band");
        band.setManaged(false);
        band.setMouseTransparent(true);
        bracket.getStyleClass().add("heatmap-marked-bracket");
        label.getStyleClass().add("heatmap-marked-label");
        label.setManaged(false);
        bracketLayer.setManaged(false);
        bracketLayer.setMouseTransparent(true);
        bracketLayer.getChildren().addAll(bracket, label);
        bracketLayer.setClip(new Rectangle());
        hide();
    }

    /** The band: goes in the map area, above the map image. */
    Rectangle band() {
        return band;
    }

    /** The bracket and its label: goes above the key-axis labels. */
    Pane bracketLayer() {
        return bracketLayer;
    }

    /**
     * Places the marks for {@code range} of a map with {@code rows} x {@code columns} cells shown through
     * {@code v} in a {@code plotW} x {@code plotH} map area whose key axis is at ({@code axisX}, {@code axisY}).
     */
    void place(TokenRange range, Viewport v, int rows, int columns, double plotW, double plotH, double axisX,
            double axisY) {
        if (range == null || v == null) {
            hide();
            return;
        }
        double left = Math.max(0, pixelEdge(v, Math.min(range.from(), columns)));
        double right = Math.min(plotW, pixelEdge(v, Math.min(range.to(), columns)));
        if (right <= left) {
            hide();
            return;
        }
        double top = Math.max(0, Math.floor(v.yOf(0)));
        double bottom = Math.min(plotH, Math.ceil(v.yOf(rows)));
        band.setX(left);
        band.setY(top);
        band.setWidth(right - left);
        band.setHeight(Math.max(0, bottom - top));
        band.setVisible(true);
        placeBracket(range, v, left, right, plotW, axisX, axisY);
    }

    /** @return the pixel x where column {@code c}'s pixels begin (the rasteriser samples pixel centres) */
    static double pixelEdge(Viewport v, int c) {
        return Math.ceil(v.xOf(c) - 0.5);
    }

    private void placeBracket(TokenRange range, Viewport v, double left, double right, double plotW, double axisX,
            double axisY) {
        bracketLayer.relocate(axisX, axisY);
        bracketLayer.resize(plotW, BRACKET_Y + TICK + 1);
        ((Rectangle) bracketLayer.getClip()).setWidth(plotW);
        ((Rectangle) bracketLayer.getClip()).setHeight(BRACKET_Y + TICK + 1);
        double x0 = left + 0.5;
        double x1 = right - 0.5;
        double y = BRACKET_Y + 0.5;
        bracket.getElements().setAll(new MoveTo(x0, y + TICK), new LineTo(x0, y), new LineTo(x1, y),
                new LineTo(x1, y + TICK));
        label.setText(range.label());
        label.setVisible(!range.label().isEmpty());
        double w = label.prefWidth(-1);
        double h = label.prefHeight(w);
        double x = Math.max(0, Math.min(plotW - w, (left + right - w) / 2));
        label.resizeRelocate(Math.round(x), Math.max(0, BRACKET_Y - h + 1), w, h);
        bracketLayer.setVisible(true);
    }

    private void hide() {
        band.setVisible(false);
        bracketLayer.setVisible(false);
    }
}
