package org.mtalens.viz.grid;

import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;

/**
 * Thumbnails of one stage for every layer (rows) x head (columns); MTA layers are marked ("MTA" next to the
 * layer, style class {@code mta-layer} on its thumbnails). Thumbnails render in the background and appear as
 * they are ready; clicking one selects it. Style class {@code model-grid}; thumbnails {@code grid-thumb}
 * (with {@code selected} when selected), ids {@code thumb-L-H}.
 */
public class ModelGridView extends BorderPane {
    private final ObjectProperty<GridCell> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyIntegerWrapper ready = new ReadOnlyIntegerWrapper(this, "ready");
    private final GridPane grid = new GridPane();
    private final Label title = new Label();
    private StackPane[][] thumbs = new StackPane[0][0];
    private ThumbnailBatch batch;
    private int thumbnailSize = 48;

    public ModelGridView() {
        getStyleClass().add("model-grid");
        title.getStyleClass().add("model-grid-title");
        grid.getStyleClass().add("model-grid-cells");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(false);
        setTop(title);
        setCenter(scroll);
        selected.addListener((o, a, b) -> {
            mark(a, false);
            mark(b, true);
        });
    }

    /** Sets the side of a thumbnail in pixels (applies to the next {@link #show}). */
    public void setThumbnailSize(int px) {
        thumbnailSize = px;
    }

    /**
     * Shows {@code stage} for layers x heads, rendering each map of {@code source} in the background; a previous
     * rendering still running is cancelled.
     */
    public void show(String stage, int layers, int heads, Set<Integer> mtaLayers, MapSource source) {
        if (batch != null) {
            batch.cancel();
        }
        title.setText(stage + "  \u00b7  " + layers + " layers \u00d7 " + heads + " heads");
        build(layers, heads, mtaLayers);
        ready.set(0);
        selected.set(null);
        int size = thumbnailSize;
        ThumbnailBatch started = ThumbnailBatch.start(layers, heads, source, size,
                (cell, argb) -> Platform.runLater(() -> place(cell, argb, size)));
        batch = started;
    }

    /**
     * Lays out an empty grid of {@code stage} for layers x heads; the thumbnails arrive one layer at a time through
     * {@link #place(int, int, org.mtalens.viz.Matrix)} (a caller that computes them layer by layer).
     */
    public void prepare(String stage, int layers, int heads, Set<Integer> mtaLayers) {
        if (batch != null) {
            batch.cancel();
            batch = null;
        }
        title.setText(stage + "  \u00b7  " + layers + " layers \u00d7 " + heads + " heads");
        build(layers, heads, mtaLayers);
        ready.set(0);
        selected.set(null);
    }

    /** Draws the thumbnail of one layer and head now, from a small matrix (pooled to about the thumbnail's size). */
    public void place(int layer, int head, org.mtalens.viz.Matrix matrix) {
        place(new GridCell(layer, head), matrix == null ? null : ThumbnailRenderer.render(matrix, thumbnailSize), thumbnailSize);
    }

    private void build(int layers, int heads, Set<Integer> mtaLayers) {
        grid.getChildren().clear();
        thumbs = new StackPane[layers][heads];
        for (int h = 0; h < heads; h++) {
            Label head = new Label("h" + h);
            head.getStyleClass().add("grid-head-label");
            grid.add(head, h + 1, 0);
        }
        for (int l = 0; l < layers; l++) {
            boolean mta = mtaLayers.contains(l);
            Label layer = new Label("L" + l + (mta ? "  MTA" : ""));
            layer.getStyleClass().add(mta ? "grid-layer-label-mta" : "grid-layer-label");
            grid.add(layer, 0, l + 1);
            for (int h = 0; h < heads; h++) {
                grid.add(thumbs[l][h] = thumb(new GridCell(l, h), mta), h + 1, l + 1);
            }
        }
    }

    private StackPane thumb(GridCell cell, boolean mta) {
        StackPane p = new StackPane();
        p.getStyleClass().add("grid-thumb");
        if (mta) {
            p.getStyleClass().add("mta-layer");
        }
        p.setId("thumb-" + cell.layer() + "-" + cell.head());
        p.setMinSize(thumbnailSize + 4, thumbnailSize + 4);
        p.setPrefSize(thumbnailSize + 4, thumbnailSize + 4);
        p.setOnMouseClicked(e -> selected.set(cell));
        return p;
    }

    private void place(GridCell cell, int[] argb, int size) {
        if (cell.layer() >= thumbs.length || cell.head() >= thumbs[cell.layer()].length) {
            return;
        }
        StackPane p = thumbs[cell.layer()][cell.head()];
        if (argb == null) {
            p.getChildren().setAll(new Label("\u2014"));
        } else {
            WritableImage img = new WritableImage(size, size);
            img.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), argb, 0, size);
            p.getChildren().setAll(new ImageView(img));
        }
        ready.set(ready.get() + 1);
    }

    private void mark(GridCell cell, boolean on) {
        if (cell != null && cell.layer() < thumbs.length && cell.head() < thumbs[cell.layer()].length) {
            var classes = thumbs[cell.layer()][cell.head()].getStyleClass();
            if (on) {
                classes.add("selected");
            } else {
                classes.remove("selected");
            }
        }
    }

    /** The selected thumbnail (null when none); set it to select from outside. */
    public ObjectProperty<GridCell> selectedProperty() {
        return selected;
    }

    /** Adds a listener told about every selection (a click on a thumbnail). */
    public void addSelectionListener(Consumer<GridCell> listener) {
        selected.addListener((o, a, b) -> listener.accept(b));
    }

    /** How many thumbnails of the current stage are on screen. */
    public ReadOnlyIntegerProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    @Override
    public String getUserAgentStylesheet() {
        return ModelGridView.class.getResource("/org/mtalens/viz/model-grid.css").toExternalForm();
    }
}
