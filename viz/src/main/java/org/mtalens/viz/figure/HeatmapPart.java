package org.mtalens.viz.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ColourScales;
import org.mtalens.viz.colour.Contrast;
import org.mtalens.viz.colour.ScaleLegend;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.colour.Ticks;
import org.mtalens.viz.colour.ValueSummary;
import org.mtalens.viz.raster.LabelThinning;

/**
 * A heatmap as the screen shows it, for a figure: the title, the row labels on the left and the column labels on
 * top (turned, thinned with {@link LabelThinning} so they never overlap), the axis names in the corner, the cells
 * ({@link MapCells}: vectors or an image at the exported resolution) and a colour bar on the right. Cells large
 * enough to hold a number print their value, as the zoomed-in screen does.
 *
 * @param map        the matrix
 * @param legend     its colour scale and what the bar says
 * @param rowAxis    what the rows are, e.g. "query"
 * @param columnAxis what the columns are, e.g. "key"
 * @param side       points of the longer side of the cells' area
 */
public record HeatmapPart(Matrix map, ScaleLegend legend, String rowAxis, String columnAxis, double side)
        implements FigurePart {
    /** Points of the longer side of a map's cells unless asked otherwise. */
    public static final double DEFAULT_SIDE = 240;
    static final double LABEL_FONT = 7;
    static final double TITLE_FONT = 9;
    static final int MAX_LABEL_CHARS = 12;
    /** Cells of at least this many points print their value. */
    static final double VALUE_CELL = 22;
    private static final double GAP = 4;
    private static final double BAR_GAP = 8;
    private static final Color INK = new Color(51, 51, 51);
    private static final Color AXIS_INK = new Color(115, 115, 115);

    public HeatmapPart {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(legend, "legend");
    }

    /**
     * @return the heatmap of an attention map (queries down, keys across) coloured as the screen colours it under
     *         {@code spec} with the map's own data (the screen's default is {@link ScaleSpec#PER_MAP})
     */
    public static HeatmapPart of(Matrix map, ScaleSpec spec) {
        return of(map, spec, "query", "key", DEFAULT_SIDE);
    }

    /** @return the heatmap of {@code map} with named axes, its longer side {@code side} points */
    public static HeatmapPart of(Matrix map, ScaleSpec spec, String rowAxis, String columnAxis, double side) {
        return new HeatmapPart(map, legendOf(map, spec), rowAxis, columnAxis, side);
    }

    /** @return the legend the screen's heatmap shows for {@code map} on its own data: scale, min, max, clipped cells */
    public static ScaleLegend legendOf(Matrix map, ScaleSpec spec) {
        ValueSummary data = ValueSummary.of(map);
        ColourScale scale = ColourScales.choose(spec, data);
        long[] clipped = ColourScales.clippedCells(map, scale);
        return new ScaleLegend(scale, data.min(), data.max(), clipped[0], clipped[1], "this map");
    }

    /** @return points per cell */
    double cell() {
        return side / Math.max(1, Math.max(map.rows(), map.columns()));
    }

    double plotWidth() {
        return cell() * map.columns();
    }

    double plotHeight() {
        return cell() * map.rows();
    }

    private double titleHeight() {
        return Math.ceil(FigureFont.lineHeight(TITLE_FONT)) + GAP;
    }

    /** @return the width of the row labels (or the corner's axis names, whichever is wider) */
    double rowLabelsWidth() {
        double widest = Math.max(FigureFont.width(rowAxis + " \u2193", LABEL_FONT),
                FigureFont.width(columnAxis + " \u2192", LABEL_FONT));
        for (int i : shownRows()) {
            widest = Math.max(widest, FigureFont.width(label(map.rowLabels().get(i)), LABEL_FONT));
        }
        return Math.ceil(widest) + GAP;
    }

    /** @return the height of the turned column labels (at least two lines, for the corner's axis names) */
    double columnLabelsHeight() {
        double longest = 2.5 * FigureFont.lineHeight(LABEL_FONT);
        for (int i : shownColumns()) {
            longest = Math.max(longest, FigureFont.width(label(map.columnLabels().get(i)), LABEL_FONT));
        }
        return Math.ceil(longest) + GAP;
    }

    List<Integer> shownRows() {
        return LabelThinning.visible(0, map.rows(), cell(), FigureFont.lineHeight(LABEL_FONT));
    }

    List<Integer> shownColumns() {
        return LabelThinning.visible(0, map.columns(), cell(), FigureFont.lineHeight(LABEL_FONT));
    }

    private static String label(String token) {
        return LabelThinning.display(token, MAX_LABEL_CHARS);
    }

    private ColourBarPart bar() {
        double h = Math.max(plotHeight(), ColourBarPart.minimumHeight(legend, map.causal()));
        return new ColourBarPart(legend, h, map.causal());
    }

    @Override
    public double width() {
        return Math.max(FigureFont.width(map.title(), TITLE_FONT),
                rowLabelsWidth() + plotWidth() + BAR_GAP + bar().width());
    }

    @Override
    public double height() {
        return titleHeight() + columnLabelsHeight() + Math.max(plotHeight(), bar().height());
    }

    /** @return the left edge of the cells in the part */
    double plotX() {
        return rowLabelsWidth();
    }

    /** @return the top edge of the cells in the part */
    double plotY() {
        return titleHeight() + columnLabelsHeight();
    }

    @Override
    public void draw(Graphics2D g, double pixelsPerPoint) {
        double x0 = plotX();
        double y0 = plotY();
        FigureText.draw(g, map.title(), TITLE_FONT, TextLine.INK, 0, 0, FigureText.Along.START, FigureText.Across.TOP);
        drawCorner(g, x0, y0);
        drawRowLabels(g, x0, y0);
        drawColumnLabels(g, x0, y0);
        MapCells.draw(g, map, legend.scale(), x0, y0, plotWidth(), plotHeight(), pixelsPerPoint);
        if (cell() >= VALUE_CELL) {
            drawValues(g, x0, y0);
        }
        g.setColor(AXIS_INK);
        g.setStroke(new BasicStroke(0.5f));
        g.draw(new Rectangle2D.Double(x0, y0, plotWidth(), plotHeight()));
        java.awt.geom.AffineTransform before = g.getTransform();
        g.translate(x0 + plotWidth() + BAR_GAP, y0);
        bar().draw(g, pixelsPerPoint);
        g.setTransform(before);
    }

    private void drawCorner(Graphics2D g, double x0, double y0) {
        double line = FigureFont.lineHeight(LABEL_FONT);
        double bottom = y0 - line / 2 - 1; // clear of the first row's label, however small the cells
        FigureText.draw(g, columnAxis + " \u2192", LABEL_FONT, AXIS_INK, x0 - GAP, bottom - line, FigureText.Along.END,
                FigureText.Across.BOTTOM);
        FigureText.draw(g, rowAxis + " \u2193", LABEL_FONT, AXIS_INK, x0 - GAP, bottom, FigureText.Along.END,
                FigureText.Across.BOTTOM);
    }

    private void drawRowLabels(Graphics2D g, double x0, double y0) {
        for (int i : shownRows()) {
            FigureText.draw(g, label(map.rowLabels().get(i)), LABEL_FONT, INK, x0 - GAP, y0 + (i + 0.5) * cell(),
                    FigureText.Along.END, FigureText.Across.MIDDLE);
        }
    }

    private void drawColumnLabels(Graphics2D g, double x0, double y0) {
        for (int i : shownColumns()) {
            FigureText.drawUpwards(g, label(map.columnLabels().get(i)), LABEL_FONT, INK, x0 + (i + 0.5) * cell(),
                    y0 - GAP, FigureText.Along.START, FigureText.Across.MIDDLE);
        }
    }

    private void drawValues(Graphics2D g, double x0, double y0) {
        double size = Math.min(8, cell() / 3.2);
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                float v = map.value(r, c);
                if (!map.isMasked(r, c) && !Float.isNaN(v)) {
                    Color ink = Contrast.isDark(legend.scale().argb(v)) ? Color.WHITE : Color.BLACK;
                    FigureText.draw(g, Ticks.format(v), size, ink, x0 + (c + 0.5) * cell(), y0 + (r + 0.5) * cell(),
                            FigureText.Along.MIDDLE, FigureText.Across.MIDDLE);
                }
            }
        }
    }
}
