package org.mtalens.viz.heatmap;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
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
import org.mtalens.viz.colour.ColourBar;
import org.mtalens.viz.colour.ColourMap;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.Scale;
import org.mtalens.viz.raster.MapRasterizer;
import org.mtalens.viz.raster.Viewport;

/**
 * An attention map (queries down, keys across) drawn from a pixel buffer, with token labels on both axes
 * (thinned when they would overlap), a colour bar, hover crosshair and tooltip, zoom (wheel, pinch, keys
 * {@code +}/{@code -}, {@code 0} or {@code F} to fit), pan (drag, arrow keys), a selected-cell marker and a
 * highlighted token (its row and column), and a marked range of keys ({@link #markedKeysProperty()}: a band over
 * those columns and a labelled bracket along the key axis). Hover, highlight and the marked range only redraw
 * layers above the map, never the map.
 * <p>Sync several maps by binding their {@link #viewportProperty()} and {@link #hoverCellProperty()}
 * bidirectionally. Style class {@code heatmap}; parts {@code heatmap-title}, {@code heatmap-plot},
 * {@code heatmap-tooltip}, {@code heatmap-marked-band}, {@code heatmap-marked-bracket}, {@code heatmap-marked-label}.
 */
public class HeatmapView extends Region {
    private final ObjectProperty<Matrix> matrix = new SimpleObjectProperty<>(this, "matrix");
    private final ObjectProperty<ColourScale> colourScale = new SimpleObjectProperty<>(this, "colourScale");
    private final ObjectProperty<Scale> scale = new SimpleObjectProperty<>(this, "scale", Scale.LINEAR);
    private final ObjectProperty<ColourMap> sequentialMap = new SimpleObjectProperty<>(this, "sequentialMap",
            ColourMap.VIRIDIS);
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
    private final Label tooltip = new Label();
    private final HeatmapAxes axes = new HeatmapAxes();
    private final ColourBar colourBar = new ColourBar();
    private final HeatmapOverlay overlayPainter;
    private final KeyRangeMarks marks = new KeyRangeMarks();

    private WritableImage buffer;
    private int[] pixels = new int[0];
    private boolean dirty = true;
    private boolean fitted = true;
    private Viewport lastFit;
    private long renders;
    private float absMax = 1;

    public HeatmapView() {
        getStyleClass().add("heatmap");
        title.getStyleClass().add("heatmap-title");
        plot.getStyleClass().add("heatmap-plot");
        tooltip.getStyleClass().add("heatmap-tooltip");
        tooltip.setManaged(false);
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
        overlay.setMouseTransparent(true);
        plot.getChildren().addAll(image, marks.band(), overlay);
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
        scale.addListener((o, a, b) -> colourChanged());
        sequentialMap.addListener((o, a, b) -> colourChanged());
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
        absMax = m == null ? 1 : absMaxOf(m);
        title.setText(m == null ? "" : m.title());
        hoverCell.set(null);
        fitted = true;
        colourChanged();
    }

    private void colourChanged() {
        colourBar.setColourScale(effectiveColourScale());
        dirty = true;
        requestLayout();
    }

    private void hoverChanged(Cell c) {
        Matrix m = getMatrix();
        hoverText.set(c == null || m == null ? "" : HoverText.describe(m, c.row(), c.column()));
        tooltip.setText(hoverText.get());
        overlayPainter.paint();
    }

    /** @return the colour scale in use: the one set, or the default for the matrix's kind and largest |value| */
    public ColourScale effectiveColourScale() {
        if (getColourScale() != null) {
            return getColourScale();
        }
        Matrix m = getMatrix();
        ColourScale auto = ColourScale.forKind(m == null ? org.mtalens.viz.ValueKind.WEIGHT : m.kind(), absMax,
                getScale());
        return auto.map().isDiverging() ? auto : auto.withMap(getSequentialMap());
    }

    /** @return the largest finite |value| of the unmasked cells (1 for an empty map) */
    public static float absMaxOf(Matrix m) {
        float best = 0;
        float[] v = m.values();
        for (int r = 0; r < m.rows(); r++) {
            int end = m.causal() ? Math.min(r + 1, m.columns()) : m.columns();
            for (int i = r * m.columns(), e = i + end; i < e; i++) {
                float a = Math.abs(v[i]);
                if (a > best && a != Float.POSITIVE_INFINITY) {
                    best = a;
                }
            }
        }
        return best > 0 ? best : 1;
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
        double min = Viewport.fit(m.rows(), m.columns(), plot.getWidth(), plot.getHeight()).pixelsPerCell();
        setClamped(v.zoomAt(x, y, factor, min));
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
            dirty = true;
        }
        if (!dirty || getMatrix() == null || getViewport() == null) {
            return;
        }
        MapRasterizer.render(getMatrix(), getViewport(), effectiveColourScale(), w, h, pixels);
        buffer.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
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

    /** A fixed colour scale (shared by synchronised maps); null means the default for the map's kind. */
    public final ObjectProperty<ColourScale> colourScaleProperty() {
        return colourScale;
    }

    public final ColourScale getColourScale() {
        return colourScale.get();
    }

    public final void setColourScale(ColourScale s) {
        colourScale.set(s);
    }

    /** Scale of the default colour scale (linear, log, symlog). */
    public final ObjectProperty<Scale> scaleProperty() {
        return scale;
    }

    public final Scale getScale() {
        return scale.get();
    }

    public final void setScale(Scale s) {
        scale.set(s);
    }

    /** Colour map of the default scale for weights (viridis, magma, grey); signed maps stay diverging. */
    public final ObjectProperty<ColourMap> sequentialMapProperty() {
        return sequentialMap;
    }

    public final ColourMap getSequentialMap() {
        return sequentialMap.get();
    }

    public final void setSequentialMap(ColourMap m) {
        sequentialMap.set(m);
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
