package org.mtalens.viz.layout;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;

/**
 * A pane whose children (maps, or cards holding a map) fill it and reflow 1 to 4 per row ({@link MapTiles}): they
 * grow with the window, and rows scroll once tiles would be smaller than {@link #minTileSideProperty()}. Put it in a
 * {@link ScrollPane} with {@code fitToWidth} (its height follows its rows) or use {@link #inScrollPane()}.
 * Style class {@code map-tile-pane}.
 */
public class MapTilePane extends Pane {
    private final DoubleProperty gap = new SimpleDoubleProperty(this, "gap", 12);
    private final DoubleProperty minTileSide = new SimpleDoubleProperty(this, "minTileSide", 240);
    private double viewportHeight = -1;

    public MapTilePane() {
        getStyleClass().add("map-tile-pane");
        gap.addListener((o, a, b) -> requestLayout());
        minTileSide.addListener((o, a, b) -> requestLayout());
    }

    /** @return this pane in a scroll pane that fits its width, the height handed to the tiling */
    public ScrollPane inScrollPane() {
        ScrollPane scroll = new ScrollPane(this);
        scroll.setFitToWidth(true);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            viewportHeight = b.getHeight();
            scroll.setFitToHeight(!tiles(b.getWidth()).scrolls());
            requestLayout();
        });
        return scroll;
    }

    /** @return the tiling for the current width and the height available (the scroll pane's, else this pane's) */
    public MapTiles tiles(double width) {
        double w = width - snappedLeftInset() - snappedRightInset();
        double h = (viewportHeight > 0 ? viewportHeight : getHeight()) - snappedTopInset() - snappedBottomInset();
        return MapTiles.of(w, h, managed().size(), gap.get(), minTileSide.get());
    }

    private List<Node> managed() {
        return getManagedChildren();
    }

    @Override
    protected void layoutChildren() {
        MapTiles t = tiles(getWidth());
        List<Node> children = managed();
        for (int i = 0; i < children.size(); i++) {
            children.get(i).resizeRelocate(snappedLeftInset() + t.x(i, gap.get()), snappedTopInset() + t.y(i, gap.get()),
                    t.tileWidth(), t.tileHeight());
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        MapTiles t = tiles(width > 0 ? width : getWidth());
        return snappedTopInset() + t.rows() * t.tileHeight() + Math.max(0, t.rows() - 1) * gap.get()
                + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + Math.min(minTileSide.get(), 120) + snappedRightInset();
    }

    /** Pixels between tiles (default 12). */
    public DoubleProperty gapProperty() {
        return gap;
    }

    /** The smallest tile side before rows scroll instead of shrinking (default 240). */
    public DoubleProperty minTileSideProperty() {
        return minTileSide;
    }
}
