package org.mtalens.viz.heatmap;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.mtalens.viz.raster.Viewport;

/**
 * Paints what changes with the mouse on a transparent canvas above the map: the highlighted token's row and
 * column, the hover crosshair and the selected-cell marker. Cheap: a few rectangles and lines, never the map.
 */
final class HeatmapOverlay {
    private static final Color HIGHLIGHT = Color.rgb(255, 170, 0, 0.28);
    private static final Color HIGHLIGHT_EDGE = Color.rgb(230, 120, 0, 0.9);
    private static final Color CROSSHAIR = Color.rgb(255, 255, 255, 0.85);
    private static final Color CROSSHAIR_SHADOW = Color.rgb(0, 0, 0, 0.55);
    private static final Color SELECTED = Color.rgb(0, 200, 255);

    private final HeatmapView view;
    private final Canvas canvas;

    HeatmapOverlay(HeatmapView view, Canvas canvas) {
        this.view = view;
        this.canvas = canvas;
    }

    void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Viewport v = view.getViewport();
        if (v == null || view.getMatrix() == null) {
            return;
        }
        int token = view.highlightedTokenProperty().get();
        if (token >= 0) {
            paintToken(g, v, token, w, h);
        }
        Cell hover = view.hoverCellProperty().get();
        if (hover != null) {
            paintCrosshair(g, v, hover, w, h);
        }
        Cell selected = view.selectedCellProperty().get();
        if (selected != null) {
            paintSelected(g, v, selected);
        }
    }

    private static void paintToken(GraphicsContext g, Viewport v, int token, double w, double h) {
        double y = v.yOf(token);
        double x = v.xOf(token);
        double size = Math.max(2, v.pixelsPerCell());
        g.setFill(HIGHLIGHT);
        g.fillRect(0, y, w, size);
        g.fillRect(x, 0, size, h);
        g.setStroke(HIGHLIGHT_EDGE);
        g.setLineWidth(1);
        g.strokeRect(-1, y - 0.5, w + 2, size + 1);
        g.strokeRect(x - 0.5, -1, size + 1, h + 2);
    }

    private static void paintCrosshair(GraphicsContext g, Viewport v, Cell c, double w, double h) {
        double cx = Math.floor(v.xOf(c.column() + 0.5)) + 0.5;
        double cy = Math.floor(v.yOf(c.row() + 0.5)) + 0.5;
        g.setLineWidth(1);
        g.setStroke(CROSSHAIR_SHADOW);
        g.strokeLine(0, cy + 1, w, cy + 1);
        g.strokeLine(cx + 1, 0, cx + 1, h);
        g.setStroke(CROSSHAIR);
        g.strokeLine(0, cy, w, cy);
        g.strokeLine(cx, 0, cx, h);
        double size = Math.max(5, v.pixelsPerCell());
        g.strokeRect(cx - size / 2, cy - size / 2, size, size);
    }

    private static void paintSelected(GraphicsContext g, Viewport v, Cell c) {
        double size = Math.max(7, v.pixelsPerCell());
        double cx = v.xOf(c.column() + 0.5);
        double cy = v.yOf(c.row() + 0.5);
        g.setLineWidth(2);
        g.setStroke(Color.BLACK);
        g.strokeRect(cx - size / 2 - 1, cy - size / 2 - 1, size + 2, size + 2);
        g.setStroke(SELECTED);
        g.strokeRect(cx - size / 2, cy - size / 2, size, size);
    }
}
