package org.mtalens.viz.heatmap;

import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.raster.MapPyramid;
import org.mtalens.viz.raster.Viewport;

/**
 * The whole map in small in a corner of the map area, shown only while zoomed in, with a frame around the part
 * on screen; pressing or dragging on it moves the view there. Style classes {@code heatmap-minimap},
 * {@code heatmap-minimap-frame}.
 */
final class Minimap {
    static final int SIZE = 110;
    private static final double MARGIN = 8;

    private final Pane pane = new Pane();
    private final ImageView image = new ImageView();
    private final Rectangle frame = new Rectangle();
    private Viewport whole;

    Minimap(Consumer<Point2D> centreOn) {
        pane.getStyleClass().add("heatmap-minimap");
        frame.getStyleClass().add("heatmap-minimap-frame");
        frame.setMouseTransparent(true);
        pane.setManaged(false);
        pane.getChildren().addAll(image, frame);
        pane.setVisible(false);
        pane.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> jump(e, centreOn));
        pane.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> jump(e, centreOn));
    }

    private void jump(MouseEvent e, Consumer<Point2D> centreOn) {
        if (whole != null) {
            centreOn.accept(new Point2D(whole.columnAt(e.getX()), whole.rowAt(e.getY())));
        }
        e.consume();
    }

    Pane node() {
        return pane;
    }

    /** Redraws the small map (after the map or its colours changed). */
    void render(MapPyramid pyramid, ColourScale scale) {
        int rows = pyramid.map().rows();
        int columns = pyramid.map().columns();
        double ppc = Math.min((double) SIZE / Math.max(1, columns), (double) SIZE / Math.max(1, rows));
        int w = Math.max(1, (int) Math.round(columns * ppc));
        int h = Math.max(1, (int) Math.round(rows * ppc));
        whole = new Viewport(0, 0, ppc);
        int[] argb = new int[w * h];
        pyramid.render(whole, scale, w, h, argb);
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        image.setImage(img);
        pane.resize(w, h);
    }

    /** Shows the minimap in the bottom-right corner of a plotW x plotH area when {@code view} is zoomed past fit. */
    void place(Viewport view, Viewport fit, double plotW, double plotH) {
        boolean zoomed = view != null && fit != null && whole != null && view.pixelsPerCell() > fit.pixelsPerCell() * 1.01;
        pane.setVisible(zoomed);
        if (!zoomed) {
            return;
        }
        double w = pane.getWidth();
        double h = pane.getHeight();
        pane.relocate(Math.max(0, plotW - w - MARGIN), Math.max(0, plotH - h - MARGIN));
        double scale = whole.pixelsPerCell() / view.pixelsPerCell();
        double x = Math.max(0, whole.xOf(view.column0()));
        double y = Math.max(0, whole.yOf(view.row0()));
        frame.setX(x);
        frame.setY(y);
        frame.setWidth(Math.max(2, Math.min(w - x, plotW * scale)));
        frame.setHeight(Math.max(2, Math.min(h - y, plotH * scale)));
    }

    boolean isShown() {
        return pane.isVisible();
    }
}
