package org.mtalens.viz.grid;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import org.mtalens.viz.raster.LabelThinning;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.mtalens.viz.TokenRange;
import org.mtalens.viz.colour.ColourBar;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ScaleLegend;
import org.mtalens.viz.colour.ScaleSpec;

/**
 * Thumbnails of one stage for every layer (rows) x head (columns); MTA layers are marked ("MTA" next to the
 * layer, style class {@code mta-layer} on its thumbnails). By default every thumbnail shares one colour range (the
 * whole grid's, so heads and layers compare) explained by one colour bar; {@link #scaleSpecProperty()} shares per
 * layer or per map instead, clips at a percentile or takes a typed range. Hovering a thumbnail reads the tokens and
 * value under the pointer below the grid; the marked keys (e.g. the target block) are a band on every thumbnail.
 * <p>Feed it either way: {@link #show(String, int, int, Set, MapSource)} pools whole maps in the background, or
 * {@link #begin} then {@link #put} hands it maps already pooled ({@link PooledMatrix}), e.g. layer by layer as a
 * pass replays them; the shared range grows as they arrive and shown thumbnails are recoloured.
 * Style class {@code model-grid}; thumbnails {@code grid-thumb} (with {@code selected} when selected), ids
 * {@code thumb-L-H}; {@code grid-readout}, {@code grid-marked-band}, {@code grid-scale-caption}.
 */
public class ModelGridView extends BorderPane {
    private final ObjectProperty<GridCell> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<GridCell> hovered = new SimpleObjectProperty<>(this, "hovered");
    private final ObjectProperty<ScaleSpec> scaleSpec = new SimpleObjectProperty<>(this, "scaleSpec",
            ScaleSpec.SHARED_BY_ALL);
    private final ObjectProperty<TokenRange> markedKeys = new SimpleObjectProperty<>(this, "markedKeys");
    private final ReadOnlyObjectWrapper<ScaleLegend> legend = new ReadOnlyObjectWrapper<>(this, "legend");
    private final ReadOnlyIntegerWrapper ready = new ReadOnlyIntegerWrapper(this, "ready");
    private final GridPane grid = new GridPane();
    private final Label title = new Label();
    private final Label readout = new Label();
    private final Label caption = new Label();
    private final ColourBar colourBar = new ColourBar();
    private StackPane[][] thumbs = new StackPane[0][0];
    private final List<Label> keyAxes = new java.util.ArrayList<>();
    private PooledMatrix[][] pooled = new PooledMatrix[0][0];
    private GridScales scales = new GridScales(0);
    private List<String> tokens = List.of();
    private ThumbnailBatch batch;
    private int thumbnailSize = 48;
    private boolean recolourPending;

    public ModelGridView() {
        getStyleClass().add("model-grid");
        title.getStyleClass().add("model-grid-title");
        grid.getStyleClass().add("model-grid-cells");
        readout.getStyleClass().add("grid-readout");
        caption.getStyleClass().add("grid-scale-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(110);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(false);
        VBox bar = new VBox(4, caption, colourBar);
        VBox.setVgrow(colourBar, javafx.scene.layout.Priority.ALWAYS);
        colourBar.setMaxHeight(320);
        setTop(title);
        setCenter(scroll);
        setRight(bar);
        setBottom(readout);
        selected.addListener((o, a, b) -> {
            mark(a, false);
            mark(b, true);
            showLegend();
        });
        hovered.addListener((o, a, b) -> showLegend());
        scaleSpec.addListener((o, a, b) -> recolourAll());
        markedKeys.addListener((o, a, b) -> placeBands());
    }

    /** Sets the side of a thumbnail in pixels (applies to the next {@link #show} or {@link #begin}). */
    public void setThumbnailSize(int px) {
        thumbnailSize = px;
    }

    /** The tokens of the input (for the hover readout); an empty list reads positions only. */
    public void setTokens(List<String> labels) {
        tokens = List.copyOf(labels);
        keyAxes.forEach(axis -> axis.setText(keyAxisText()));
    }

    /** Under each column of thumbnails: the first and last key token, left to right (the rows run the same way down). */
    private String keyAxisText() {
        if (tokens.isEmpty()) {
            return "keys \u2192";
        }
        return LabelThinning.display(tokens.get(0), 8) + " \u2192 " + LabelThinning.display(tokens.get(tokens.size() - 1), 8);
    }

    /**
     * Shows {@code stage} for layers x heads, pooling each map of {@code source} in the background; a previous
     * batch still running is cancelled.
     */
    public void show(String stage, int layers, int heads, Set<Integer> mtaLayers, MapSource source) {
        begin(stage, layers, heads, mtaLayers);
        int size = thumbnailSize;
        batch = ThumbnailBatch.start(layers, heads, source, size,
                (cell, map) -> Platform.runLater(() -> put(cell.layer(), cell.head(), map)));
    }

    /** Starts an empty grid of {@code stage} for layers x heads; fill it with {@link #put}. Call on the FX thread. */
    public void begin(String stage, int layers, int heads, Set<Integer> mtaLayers) {
        if (batch != null) {
            batch.cancel();
            batch = null;
        }
        title.setText(stage + "  \u00b7  " + layers + " layers \u00d7 " + heads + " heads");
        build(layers, heads, mtaLayers);
        pooled = new PooledMatrix[layers][heads];
        scales = new GridScales(layers);
        ready.set(0);
        selected.set(null);
        legend.set(null);
        colourBar.setLegend(null);
        readout.setText("");
    }

    /**
     * Shows the thumbnail of (layer, head), pooled by the caller; null draws "no such stage" there. Call on the
     * FX thread; with a shared scale, thumbnails already shown are recoloured (once per pulse) as the range grows.
     */
    public void put(int layer, int head, PooledMatrix map) {
        if (layer >= thumbs.length || head >= thumbs[layer].length) {
            return;
        }
        pooled[layer][head] = map;
        if (map == null) {
            thumbs[layer][head].getChildren().setAll(new Label("\u2014"));
        } else {
            scales.add(layer, map.original());
            if (scaleSpec.get().sharing() == org.mtalens.viz.colour.ScaleSharing.PER_MAP) {
                paint(layer, head);
            } else {
                recolourAll();
            }
        }
        ready.set(ready.get() + 1);
    }

    private void recolourAll() {
        if (recolourPending) {
            return;
        }
        recolourPending = true;
        Platform.runLater(() -> {
            recolourPending = false;
            for (int l = 0; l < pooled.length; l++) {
                for (int h = 0; h < pooled[l].length; h++) {
                    if (pooled[l][h] != null) {
                        paint(l, h);
                    }
                }
            }
            showLegend();
        });
    }

    private void paint(int layer, int head) {
        PooledMatrix map = pooled[layer][head];
        int[] argb = ThumbnailRenderer.render(map, scaleOf(new GridCell(layer, head)));
        int size = map.size();
        WritableImage img = new WritableImage(size, size);
        img.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), argb, 0, size);
        ImageView view = new ImageView(img);
        view.setSmooth(false);
        view.setFitWidth(thumbnailSize);
        view.setFitHeight(thumbnailSize);
        StackPane p = thumbs[layer][head];
        p.getChildren().setAll(view, band(map));
        if (legend.get() == null) {
            showLegend();
        }
    }

    /** @return the colour scale the thumbnail of {@code cell} is drawn with (null before it arrived) */
    public ColourScale scaleOf(GridCell cell) {
        PooledMatrix map = pooled[cell.layer()][cell.head()];
        return map == null ? null : scales.scaleFor(scaleSpec.get(), cell.layer(), map.original());
    }

    /**
     * @return what one thumbnail's colours say: the scale it is drawn with (shared as the spec says), its own map's
     *         min and max and the cells of its map drawn clipped; null before it arrived
     */
    public ScaleLegend legendOf(GridCell cell) {
        PooledMatrix map = pooled[cell.layer()][cell.head()];
        if (map == null) {
            return null;
        }
        ScaleLegend shared = scales.legendFor(scaleSpec.get(), cell.layer(), cell.head(), map.original());
        return ScaleLegend.of(shared.scale(), map.original(), shared.sharedBy());
    }

    private void showLegend() {
        GridCell cell = hovered.get() != null ? hovered.get() : selected.get() != null ? selected.get() : firstShown();
        PooledMatrix map = cell == null ? null : pooled[cell.layer()][cell.head()];
        ScaleLegend l = map == null ? null : scales.legendFor(scaleSpec.get(), cell.layer(), cell.head(), map.original());
        legend.set(l);
        colourBar.setLegend(l);
        caption.setText(l == null ? "" : "scale: " + l.sharedBy());
    }

    private GridCell firstShown() {
        for (int l = 0; l < pooled.length; l++) {
            for (int h = 0; h < pooled[l].length; h++) {
                if (pooled[l][h] != null) {
                    return new GridCell(l, h);
                }
            }
        }
        return null;
    }

    private Rectangle band(PooledMatrix map) {
        Rectangle band = new Rectangle();
        band.getStyleClass().add("grid-marked-band");
        band.setManaged(false);
        band.setMouseTransparent(true);
        placeBand(band, map);
        return band;
    }

    private void placeBands() {
        for (int l = 0; l < thumbs.length; l++) {
            for (int h = 0; h < thumbs[l].length; h++) {
                if (pooled[l][h] != null && thumbs[l][h].getChildren().size() > 1) {
                    placeBand((Rectangle) thumbs[l][h].getChildren().get(1), pooled[l][h]);
                }
            }
        }
    }

    /** The band over the marked key columns, in the thumbnail's pixels (at least one pixel wide). */
    private void placeBand(Rectangle band, PooledMatrix map) {
        TokenRange range = markedKeys.get();
        band.setVisible(range != null && range.size() > 0);
        if (range != null) {
            double perToken = (double) thumbnailSize / map.tokens();
            double inset = 2; // the thumbnail's border
            band.setX(inset + range.from() * perToken);
            band.setY(inset);
            band.setWidth(Math.max(1, Math.min(range.to(), map.tokens()) * perToken - range.from() * perToken));
            band.setHeight(thumbnailSize);
        }
    }

    private void build(int layers, int heads, Set<Integer> mtaLayers) {
        grid.getChildren().clear();
        keyAxes.clear();
        thumbs = new StackPane[layers][heads];
        Label axes = new Label("query \u2193\nkey \u2192");
        axes.setId("grid-axes");
        axes.getStyleClass().add("grid-head-label");
        grid.add(axes, 0, 0);
        for (int h = 0; h < heads; h++) {
            Label head = new Label("h" + h);
            head.getStyleClass().add("grid-head-label");
            grid.add(head, h + 1, 0);
            Label keys = new Label(keyAxisText());
            keys.setId("grid-key-axis-" + h);
            keys.getStyleClass().add("grid-head-label");
            keyAxes.add(keys);
            grid.add(keys, h + 1, layers + 1);
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
        p.setMaxSize(thumbnailSize + 4, thumbnailSize + 4);
        p.setOnMouseClicked(e -> selected.set(cell));
        p.setOnMouseMoved(e -> {
            hovered.set(cell);
            readout.setText(GridReadout.describe(cell, pooled[cell.layer()][cell.head()], tokens,
                    (e.getX() - 2) / thumbnailSize, (e.getY() - 2) / thumbnailSize));
        });
        p.setOnMouseExited(e -> {
            hovered.set(null);
            readout.setText("");
        });
        return p;
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

    /** Sharing (default: all maps of the grid), range rule, colour maps and transform of the thumbnails' colours. */
    public ObjectProperty<ScaleSpec> scaleSpecProperty() {
        return scaleSpec;
    }

    /** Key columns {@code [from, to)} marked on every thumbnail (e.g. the target block); null for none. */
    public ObjectProperty<TokenRange> markedKeysProperty() {
        return markedKeys;
    }

    /** What the colour bar says: the hovered (else selected, else first) thumbnail's scale and its shared data. */
    public ReadOnlyObjectProperty<ScaleLegend> legendProperty() {
        return legend.getReadOnlyProperty();
    }

    /** The hover readout: layer, head, the tokens under the pointer and the pooled value. */
    public String readoutText() {
        return readout.getText();
    }

    @Override
    public String getUserAgentStylesheet() {
        return ModelGridView.class.getResource("/org/mtalens/viz/model-grid.css").toExternalForm();
    }
}
