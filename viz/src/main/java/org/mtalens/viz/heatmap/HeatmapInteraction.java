package org.mtalens.viz.heatmap;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Pane;

/**
 * Mouse and keyboard handling of a heatmap: hover, tooltip, click-to-select, double-click to fit, drag-to-pan,
 * wheel/trackpad/pinch/key zoom about the pointer.
 */
final class HeatmapInteraction {
    private static final double KEY_ZOOM = 1.25;
    private static final double KEY_PAN = 40;
    private static final double WHEEL_ZOOM = 1.15;

    private final HeatmapView view;
    private final Pane plot;
    private final Label tooltip;
    private double lastX;
    private double lastY;
    private boolean dragged;

    HeatmapInteraction(HeatmapView view, Pane plot, Label tooltip) {
        this.view = view;
        this.plot = plot;
        this.tooltip = tooltip;
    }

    void install() {
        plot.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        plot.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            view.hoverCellProperty().set(null);
            tooltip.setVisible(false);
        });
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = e.getX();
            lastY = e.getY();
            dragged = false;
            view.requestFocus();
        });
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            dragged |= Math.abs(e.getX() - lastX) + Math.abs(e.getY() - lastY) > 2;
            if (dragged) {
                view.panBy(e.getX() - lastX, e.getY() - lastY);
                lastX = e.getX();
                lastY = e.getY();
            }
        });
        plot.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (dragged) {
                return;
            }
            if (e.getClickCount() == 2) {
                view.fit();
            } else {
                view.selectedCellProperty().set(view.cellAt(e.getX(), e.getY()));
            }
        });
        plot.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                double notches = Math.signum(e.getDeltaY()) * Math.max(1, Math.abs(e.getDeltaY()) / 40);
                view.zoomAt(e.getX(), e.getY(), Math.pow(WHEEL_ZOOM, notches));
                e.consume();
            }
        });
        plot.addEventHandler(ZoomEvent.ZOOM, e -> view.zoomAt(e.getX(), e.getY(), e.getZoomFactor()));
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    private void moved(MouseEvent e) {
        Cell cell = view.cellAt(e.getX(), e.getY());
        view.hoverCellProperty().set(cell);
        tooltip.setVisible(cell != null);
        if (cell != null) {
            placeTooltip(e.getX(), e.getY());
        }
    }

    private void placeTooltip(double x, double y) {
        Point2D p = view.sceneToLocal(plot.localToScene(x, y));
        double w = tooltip.prefWidth(-1);
        double h = tooltip.prefHeight(w);
        double tx = p.getX() + 14 + w > view.getWidth() ? p.getX() - 14 - w : p.getX() + 14;
        double ty = p.getY() + 14 + h > view.getHeight() ? p.getY() - 14 - h : p.getY() + 14;
        tooltip.resizeRelocate(Math.max(0, tx), Math.max(0, ty), w, h);
        tooltip.toFront();
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> view.zoom(KEY_ZOOM);
            case MINUS, SUBTRACT -> view.zoom(1 / KEY_ZOOM);
            case DIGIT0, NUMPAD0, F -> view.fit();
            case LEFT -> view.panBy(KEY_PAN, 0);
            case RIGHT -> view.panBy(-KEY_PAN, 0);
            case UP -> view.panBy(0, KEY_PAN);
            case DOWN -> view.panBy(0, -KEY_PAN);
            default -> {
                return;
            }
        }
        e.consume();
    }
}
