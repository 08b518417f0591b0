package org.mtalens.viz.heatmap;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.TokenRange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import org.mtalens.viz.colour.ColourBar;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ColourScales;
import org.mtalens.viz.colour.ScaleLegend;
import org.mtalens.viz.colour.ScaleSharing;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.colour.ValueSummary;
import org.mtalens.viz.raster.MapPyramid;
import org.mtalens.viz.raster.Viewport;

/**
 * An attention map (queries down, keys across) drawn from a pixel buffer, with token labels on both axes
 * (thinned when they would overlap, every one once there is room), a colour bar (the data's min and max marked,
 * clipped cells counted), hover crosshair and tooltip, zoom about the pointer (wheel, pinch, keys
 * {@code +}/{@code -}; double-click, {@code 0} or {@code F} to fit), pan (drag, arrow keys), a minimap while zoomed,
 * each cell's exact value printed in it once cells are big enough, a selected-cell marker and a
 * highlighted token (its row and column), and a marked range of keys ({@link #markedKeysProperty()}: a band over
 * those columns and a labelled bracket along the key axis). Hover, highlight and the marked range only redraw
 * layers above the map, never the map.
 * <p>Colours: by default each map is coloured on its own range, and a map holding a negative value is always drawn
 * on the diverging map centred on 0 ({@link ColourScales#choose}); {@link #scaleSpecProperty()} picks the range rule
 * and colour maps, and with a shared {@link ScaleSpec#sharing()} the range also spans {@link #sharedDataProperty()}
 * (the summary of the maps that share it, e.g. all heads of the layer). {@link #colourScaleProperty()} overrides all.
 * <p>Drawing: the map is kept as a {@link MapPyramid}, so a frame reads about as many cells as the view has pixels at
 * any zoom (pooled overview when cells are smaller than a pixel, exact cells beyond).
 * <p>Sync several maps by binding their {@link #viewportProperty()} and {@link #hoverCellProperty()}
 * bidirectionally. Style class {@code heatmap}; parts {@code heatmap-title}, {@code heatmap-plot},
 * {@code heatmap-tooltip}, {@code heatmap-marked-band}, {@code heatmap-marked-bracket}, {@code heatmap-marked-label}.
 */
public class HeatmapView extends Region {
    private final ObjectProperty<Matrix> matrix = new SimpleObjectProperty<>(this, "matrix");
    private final ObjectProperty<ColourScale> colourScale = new SimpleObjectProperty<>(this, "colourScale");
    private final ObjectProperty<ScaleSpec> scaleSpec = new SimpleObjectProperty<>(this, "scaleSpec", ScaleSpec.PER_MAP);
    private final ObjectProperty<ValueSummary> sharedData = new SimpleObjectProperty<>(this, "sharedData");
    private final ReadOnlyObjectWrapper<ScaleLegend> legend = new ReadOnlyObjectWrapper<>(this, "legend");
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ObjectProperty<Cell> hoverCell = new SimpleObjectProperty<>(this, "hoverCell");
    private final ObjectProperty<Cell> selectedCell = new SimpleObjectProperty<>(this, "selectedCell");
    private final IntegerProperty highlightedToken = new SimpleIntegerProperty(this, "highlightedToken", -1);
    private final ObjectProperty<TokenRange> markedKeys = new SimpleObjectProperty<>(this, "markedKeys");
    private final BooleanProperty showColourBar = new SimpleBooleanProperty(this, "showColourBar", true);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");

    private final Label title = new Label();
    private final Pane plot = new Pane();
    private final ImageView image = new ImageView();
    private final Canvas overlay = new Canvas();
    private final Canvas valuesLayer = new Canvas();
    private final CellValues cellValues = new CellValues(valuesLayer);
    private final Minimap minimap = new Minimap(this::centreOn);
    private final Label tooltip = new Label();
    private final HeatmapAxes axes = new HeatmapAxes();
    private final ColourBar colourBar = new ColourBar();
    private final HeatmapOverlay overlayPainter;
    private final KeyRangeMarks marks = new KeyRangeMarks();

    /** Maps with more cells than this build their pyramid in the background. */
    private static final long LARGE_MAP_CELLS = 1024 * 1024;

    private WritableImage buffer;
    private int[] pixels = new int[0];
    private boolean dirty = true;
    private boolean fitted = true;
    private Viewport lastFit;
    private long renders;
    private MapPyramid pyramid;
    private ValueSummary ownData = ValueSummary.empty();

    public HeatmapView() {
        getStyleClass().add("heatmap");
        title.getStyleClass().add("heatmap-title");
        plot.getStyleClass().add("heatmap-plot");
        tooltip.getStyleClass().add("heatmap-tooltip");
        tooltip.setManaged(false);
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
        overlay.setMouseTransparent(true);
        valuesLayer.setMouseTransparent(true);
        plot.getChildren().addAll(image, valuesLayer, marks.band(), overlay, minimap.node());
        getChildren().addAll(title, axes.rows(), axes.columns(), marks.bracketLayer(), axes.corner(), plot, colourBar,
                tooltip);
        overlayPainter = new HeatmapOverlay(this, overlay);
        setFocusTraversable(true);
        listen();
        new HeatmapInteraction(this, plot, tooltip).install();
    }

    public HeatmapView(Matrix map) {
        this();
        setMatrix(map);
    }

    private void listen() {
        matrix.addListener((o, a, m) -> matrixChanged(m));
        colourScale.addListener((o, a, b) -> colourChanged());
        scaleSpec.addListener((o, a, b) -> colourChanged());
        sharedData.addListener((o, a, b) -> colourChanged());
        viewport.addListener((o, a, b) -> {
            fitted = b == null || b.equals(lastFit);
            dirty = true;
            requestLayout();
        });
        hoverCell.addListener((o, a, c) -> hoverChanged(c));
        selectedCell.addListener((o, a, b) -> overlayPainter.paint());
        highlightedToken.addListener((o, a, b) -> {
            overlayPainter.paint();
            axes.paint(this);
        });
        showColourBar.addListener((o, a, b) -> requestLayout());
        markedKeys.addListener((o, a, b) -> placeMarks());
    }

    private void matrixChanged(Matrix m) {
        ownData = m == null ? ValueSummary.empty() : ValueSummary.of(m);
        pyramid = m == null ? null : pyramidOf(m);
        title.setText(m == null ? "" : m.title());
        hoverCell.set(null);
        fitted = true;
        colourChanged();
    }

    /**
     * Small maps get their pyramid at once; a large one (T > 1024) is drawn directly from the full map while its
     * levels are built on the common fork-join pool (about 0.1 s at T=4096), then swapped in if the map is still
     * shown, so setting a map never stalls the FX thread for long.
     */
    private MapPyramid pyramidOf(Matrix m) {
        if ((long) m.rows() * m.columns() <= LARGE_MAP_CELLS) {
            return MapPyramid.of(m);
        }
        CompletableFuture.supplyAsync(() -> MapPyramid.of(m)).thenAccept(p -> Platform.runLater(() -> {
            if (getMatrix() == m) {
                pyramid = p;
                colourChanged();
            }
        }));
        return MapPyramid.flat(m);
    }

    private void colourChanged() {
        Matrix m = getMatrix();
        legend.set(m == null ? null : computeLegend(m));
        colourBar.setLegend(legend.get());
        if (pyramid != null) {
            minimap.render(pyramid, legend.get().scale());
        }
        dirty = true;
        requestLayout();
    }

    private ScaleLegend computeLegend(Matrix m) {
        ScaleSpec spec = getScaleSpec();
        boolean shared = spec.sharing() != ScaleSharing.PER_MAP && getSharedData() != null;
        ValueSummary data = shared ? ValueSummary.union(List.of(getSharedData(), ownData)) : ownData;
        ColourScale s = getColourScale() != null ? getColourScale() : ColourScales.choose(spec, data);
        long[] clipped = ColourScales.clippedCells(m, s);
        String by = getColourScale() != null ? "set by the view" : !shared ? "this map"
                : spec.sharing() == ScaleSharing.LAYER ? "all heads of the layer" : "all maps shown";
        return new ScaleLegend(s, ownData.min(), ownData.max(), clipped[0], clipped[1], by);
    }

    private void hoverChanged(Cell c) {
        Matrix m = getMatrix();
        hoverText.set(c == null || m == null ? "" : HoverText.describe(m, c.row(), c.column()));
        tooltip.setText(hoverText.get());
        overlayPainter.paint();
    }

    /** @return the colour scale in use: the one set, or the one chosen from the data and the scale spec */
    public ColourScale effectiveColourScale() {
        ScaleLegend l = legend.get();
        return l != null ? l.scale() : ColourScales.choose(getScaleSpec(), ValueSummary.empty());
    }

    // ---- commands ----

    /** Shows the whole map (and keeps showing it whole as the view resizes, until the user zooms or pans). */
    public void fit() {
        fitted = true;
        Matrix m = getMatrix();
        if (m != null && plot.getWidth() > 0) {
            lastFit = Viewport.fit(m.rows(), m.columns(), plot.getWidth(), plot.getHeight());
            viewport.set(lastFit);
        }
    }

    /** Zooms to {@code pixelsPerCell} (capped at the most the view zooms in) with cell (row, column) centred. */
    public void showCell(int row, int column, double pixelsPerCell) {
        Matrix m = getMatrix();
        if (m == null || plot.getWidth() <= 0) {
            return;
        }
        double ppc = Math.min(Viewport.MAX_PIXELS_PER_CELL, Math.max(fitViewport().pixelsPerCell(), pixelsPerCell));
        setClamped(new Viewport(column + 0.5 - plot.getWidth() / 2 / ppc, row + 0.5 - plot.getHeight() / 2 / ppc, ppc));
    }

    private void centreOn(Point2D cell) {
        Viewport v = getViewport();
        if (v != null) {
            setClamped(new Viewport(cell.getX() - plot.getWidth() / 2 / v.pixelsPerCell(),
                    cell.getY() - plot.getHeight() / 2 / v.pixelsPerCell(), v.pixelsPerCell()));
        }
    }

    private Viewport fitViewport() {
        Matrix m = getMatrix();
        return Viewport.fit(m.rows(), m.columns(), plot.getWidth(), plot.getHeight());
    }

    /** Zooms by {@code factor} about the centre of the map area (above 1 zooms in). */
    public void zoom(double factor) {
        zoomAt(plot.getWidth() / 2, plot.getHeight() / 2, factor);
    }

    void zoomAt(double x, double y, double factor) {
        Viewport v = getViewport();
        Matrix m = getMatrix();
        if (v == null || m == null) {
            return;
        }
        setClamped(v.zoomAt(x, y, factor, fitViewport().pixelsPerCell()));
    }

    void panBy(double dx, double dy) {
        Viewport v = getViewport();
        if (v != null) {
            setClamped(v.panBy(dx, dy));
        }
    }

    private void setClamped(Viewport v) {
        Matrix m = getMatrix();
        viewport.set(v.clamp(m.rows(), m.columns(), plot.getWidth(), plot.getHeight()));
    }

    /** Draws token {@code index}'s row (as query) and column (as key) highlighted; -1 clears. */
    public void highlightToken(int index) {
        highlightedToken.set(index);
    }

    /** @return how many times the map itself was rendered into the pixel buffer (hover never adds to it) */
    public long renderCount() {
        return renders;
    }

    /** @return the exact values printed in cells in the last frame (none until cells are big enough to hold them) */
    public Map<Cell, String> shownCellValues() {
        return cellValues.shown();
    }

    /** @return true while the minimap is shown (zoomed past fit) */
    public boolean isMinimapShown() {
        return minimap.isShown();
    }

    /** @return the cell under a point of the map area, or null outside the map */
    Cell cellAt(double x, double y) {
        Viewport v = getViewport();
        Matrix m = getMatrix();
        if (v == null || m == null) {
            return null;
        }
        int c = (int) Math.floor(v.columnAt(x));
        int r = (int) Math.floor(v.rowAt(y));
        return r >= 0 && c >= 0 && r < m.rows() && c < m.columns() ? new Cell(r, c) : null;
    }

    /** Adds a listener told about every change of the hovered cell (from the mouse or a synchronised map). */
    public void addHoverListener(CellListener listener) {
        hoverCell.addListener((o, a, c) -> listener.cellChanged(c));
    }

    /** Adds a listener told about every change of the selected cell (a click on the map selects). */
    public void addSelectionListener(CellListener listener) {
        selectedCell.addListener((o, a, c) -> listener.cellChanged(c));
    }

    // ---- layout and rendering ----

    @Override
    public String getUserAgentStylesheet() {
        return HeatmapView.class.getResource("/org/mtalens/viz/heatmap.css").toExternalForm();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 520;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 520;
    }

    /** Room for the axes, a map of 60 pixels and the colour bar: the view never hides its bar or labels. */
    @Override
    protected double computeMinWidth(double height) {
        double bar = isShowColourBar() ? colourBar.minWidth(-1) : 0;
        return snappedLeftInset() + axes.rowAxisWidth(getMatrix()) + 60 + bar + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + axes.columnAxisHeight(getMatrix()) + 60 + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double w = getWidth() - left - snappedRightInset();
        double h = getHeight() - top - snappedBottomInset();
        double titleH = title.getText().isEmpty() ? 0 : snapSizeY(title.prefHeight(w));
        double axisW = axes.rowAxisWidth(getMatrix());
        double axisH = axes.columnAxisHeight(getMatrix());
        double barW = isShowColourBar() ? snapSizeX(colourBar.prefWidth(-1)) : 0;
        title.resizeRelocate(left, top, w, titleH);
        double plotX = snapPositionX(left + axisW);
        double plotY = snapPositionY(top + titleH + axisH);
        double plotW = Math.max(1, Math.floor(w - axisW - barW));
        double plotH = Math.max(1, Math.floor(h - titleH - axisH));
        plot.resizeRelocate(plotX, plotY, plotW, plotH);
        colourBar.setVisible(isShowColourBar());
        colourBar.resizeRelocate(plotX + plotW, plotY, barW, plotH);
        axes.layout(left, top + titleH, axisW, axisH, plotW, plotH);
        if (getMatrix() != null && (fitted || getViewport() == null)) {
            Viewport fit = Viewport.fit(getMatrix().rows(), getMatrix().columns(), plotW, plotH);
            lastFit = fit;
            if (!fit.equals(getViewport())) {
                viewport.set(fit);
            }
        }
        renderIfNeeded((int) plotW, (int) plotH);
        minimap.place(getViewport(), lastFit, plotW, plotH);
        axes.paint(this);
        overlayPainter.paint();
        placeMarks();
    }

    private void placeMarks() {
        Matrix m = getMatrix();
        if (m == null) {
            marks.place(null, null, 0, 0, 0, 0, 0, 0);
            return;
        }
        marks.place(getMarkedKeys(), getViewport(), m.rows(), m.columns(), plot.getWidth(), plot.getHeight(),
                plot.getLayoutX(), axes.columns().getLayoutY());
    }

    private void renderIfNeeded(int w, int h) {
        if (buffer == null || buffer.getWidth() != w || buffer.getHeight() != h) {
            buffer = new WritableImage(w, h);
            pixels = new int[w * h];
            image.setImage(buffer);
            overlay.setWidth(w);
            overlay.setHeight(h);
            valuesLayer.setWidth(w);
            valuesLayer.setHeight(h);
            dirty = true;
        }
        if (!dirty || getMatrix() == null || getViewport() == null) {
            return;
        }
        ColourScale scale = effectiveColourScale();
        pyramid.render(getViewport(), scale, w, h, pixels);
        buffer.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        cellValues.paint(getMatrix(), getViewport(), scale);
        dirty = false;
        renders++;
    }

    double plotWidth() {
        return plot.getWidth();
    }

    double plotHeight() {
        return plot.getHeight();
    }

    // ---- properties ----

    public final ObjectProperty<Matrix> matrixProperty() {
        return matrix;
    }

    public final Matrix getMatrix() {
        return matrix.get();
    }

    public final void setMatrix(Matrix m) {
        matrix.set(m);
    }

    /** A fixed colour scale that overrides the scale spec (e.g. one scale for a before/after pair); null for none. */
    public final ObjectProperty<ColourScale> colourScaleProperty() {
        return colourScale;
    }

    public final ColourScale getColourScale() {
        return colourScale.get();
    }

    public final void setColourScale(ColourScale s) {
        colourScale.set(s);
    }

    /**
     * What the user chose about colours (sharing, range rule, colour maps, transform); default: this map's own
     * whole range, viridis for data with no negative value, the diverging RdBu map centred on 0 otherwise.
     */
    public final ObjectProperty<ScaleSpec> scaleSpecProperty() {
        return scaleSpec;
    }

    public final ScaleSpec getScaleSpec() {
        return scaleSpec.get();
    }

    public final void setScaleSpec(ScaleSpec spec) {
        scaleSpec.set(spec);
    }

    /**
     * The summary of the maps that share this map's scale (e.g. every head of its layer), used when the scale spec
     * shares; the range then spans them and this map. Null: this map alone.
     */
    public final ObjectProperty<ValueSummary> sharedDataProperty() {
        return sharedData;
    }

    public final ValueSummary getSharedData() {
        return sharedData.get();
    }

    public final void setSharedData(ValueSummary data) {
        sharedData.set(data);
    }

    /** What the colour bar says: the scale, this map's min and max, clipped cells, who shares the scale. */
    public final ReadOnlyObjectProperty<ScaleLegend> legendProperty() {
        return legend.getReadOnlyProperty();
    }

    public final ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public final Viewport getViewport() {
        return viewport.get();
    }

    /** Shows this part of the map (the view stops following its size until {@link #fit()}). */
    public final void setViewport(Viewport v) {
        viewport.set(v);
    }

    public final ObjectProperty<Cell> hoverCellProperty() {
        return hoverCell;
    }

    public final ObjectProperty<Cell> selectedCellProperty() {
        return selectedCell;
    }

    public final IntegerProperty highlightedTokenProperty() {
        return highlightedToken;
    }

    /**
     * Key columns {@code [from, to)} marked on the map (e.g. the target block of the find-the-block task), null for
     * none: a translucent band over those columns and a bracket with the range's label along the key axis. They
     * follow zoom and pan; setting the range never re-renders the map.
     */
    public final ObjectProperty<TokenRange> markedKeysProperty() {
        return markedKeys;
    }

    public final TokenRange getMarkedKeys() {
        return markedKeys.get();
    }

    /** Marks key columns {@code [from, to)} of the map; null clears. */
    public final void setMarkedKeys(TokenRange range) {
        markedKeys.set(range);
    }

    public final BooleanProperty showColourBarProperty() {
        return showColourBar;
    }

    public final boolean isShowColourBar() {
        return showColourBar.get();
    }

    public final void setShowColourBar(boolean show) {
        showColourBar.set(show);
    }

    /** The tooltip text of the hovered cell (empty when none): query token, key token, value, title. */
    public final ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }
}
