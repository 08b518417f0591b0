package org.mtalens.viz.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ScaleLegend;
import org.mtalens.viz.colour.Ticks;

/**
 * A vertical colour bar as the screen's {@code ColourBar} draws it, in vectors: the gradient of the scale (high
 * values on top) with ticks, the data's minimum and maximum marked (a triangle each, the values above and below the
 * bar), the cells a clipping scale draws in its over and under colours counted, and the masked and NaN swatches.
 *
 * @param legend   what the bar explains (data min/max NaN: no marks)
 * @param height   points from the top of the part to the bottom of its last line
 * @param swatches whether the masked and NaN swatches are drawn (maps have both; kernels neither)
 */
public record ColourBarPart(ScaleLegend legend, double height, boolean swatches) implements FigurePart {
    static final double FONT = 7;
    private static final double MARK = 5;
    private static final double BAR_X = MARK + 1;
    private static final double BAR_W = 10;
    private static final double LABEL_X = BAR_X + BAR_W + 5;
    private static final double LINE = 9;
    private static final double SWATCH = 8;
    /** Stops of the gradient: the colour map sampled evenly, enough that it differs from the map by a level or two. */
    private static final int STOPS = 65;
    private static final Color INK = new Color(38, 38, 38);
    private static final Color EDGE = new Color(89, 89, 89);

    /** @return the least height a bar with its lines needs */
    public static double minimumHeight(ScaleLegend legend, boolean swatches) {
        return 40 + linesAbove(legend) * LINE + linesBelow(legend, swatches);
    }

    @Override
    public double width() {
        double widest = 0;
        for (String text : texts()) {
            widest = Math.max(widest, FigureFont.width(text, FONT));
        }
        return Math.ceil(LABEL_X + widest + 2);
    }

    private List<String> texts() {
        List<String> out = new ArrayList<>();
        for (double t : Ticks.of(legend.scale(), 8)) {
            out.add(Ticks.format(t));
        }
        if (hasData()) {
            out.add("max " + Ticks.format(legend.dataMax()));
            out.add("min " + Ticks.format(legend.dataMin()));
        }
        if (legend.scale().clip()) {
            out.add(legend.clippedAbove() + " above");
            out.add(legend.clippedBelow() + " below");
        }
        if (swatches) {
            out.add("masked");
        }
        return out;
    }

    private boolean hasData() {
        return !Double.isNaN(legend.dataMax());
    }

    private static int linesAbove(ScaleLegend l) {
        return Double.isNaN(l.dataMax()) ? 0 : 1;
    }

    private static double linesBelow(ScaleLegend l, boolean swatches) {
        return (Double.isNaN(l.dataMax()) ? 0 : LINE) + (l.scale().clip() ? 2 * LINE : 0)
                + (swatches ? 2 * (SWATCH + 4) : 0) + 4;
    }

    /** @return the top of the gradient */
    double barTop() {
        return linesAbove(legend) * LINE + 3;
    }

    /** @return the height of the gradient */
    double barHeight() {
        return Math.max(20, height - barTop() - linesBelow(legend, swatches));
    }

    @Override
    public void draw(Graphics2D g, double pixelsPerPoint) {
        ColourScale scale = legend.scale();
        double top = barTop();
        double h = barHeight();
        g.setPaint(gradient(scale, top, h));
        g.fill(new Rectangle2D.Double(BAR_X, top, BAR_W, h));
        g.setColor(EDGE);
        g.setStroke(new BasicStroke(0.5f));
        g.draw(new Rectangle2D.Double(BAR_X, top, BAR_W, h));
        for (double t : Ticks.of(scale, Math.max(2, (int) (h / 40)))) {
            double y = yOf(scale, t, top, h);
            g.setColor(EDGE);
            g.draw(new Line2D.Double(BAR_X + BAR_W, y, BAR_X + BAR_W + 3, y));
            FigureText.draw(g, Ticks.format(t), FONT, INK, LABEL_X, y, FigureText.Along.START, FigureText.Across.MIDDLE);
        }
        double below = top + h + 2;
        if (hasData()) {
            mark(g, yOf(scale, legend.dataMax(), top, h));
            mark(g, yOf(scale, legend.dataMin(), top, h));
            FigureText.draw(g, "max " + Ticks.format(legend.dataMax()), FONT, INK, 0, 0, FigureText.Along.START,
                    FigureText.Across.TOP);
            FigureText.draw(g, "min " + Ticks.format(legend.dataMin()), FONT, INK, 0, below, FigureText.Along.START,
                    FigureText.Across.TOP);
            below += LINE;
        }
        if (scale.clip()) {
            clipped(g, below, scale.map().overArgb(), legend.clippedAbove() + " above");
            clipped(g, below + LINE, scale.map().underArgb(), legend.clippedBelow() + " below");
            below += 2 * LINE;
        }
        if (swatches) {
            drawSwatches(g, below + 2);
        }
    }

    /** @return the gradient of the colour map from position 1 at the top to 0 at the bottom */
    static LinearGradientPaint gradient(ColourScale scale, double top, double h) {
        float[] fractions = new float[STOPS];
        Color[] colours = new Color[STOPS];
        for (int i = 0; i < STOPS; i++) {
            fractions[i] = (float) i / (STOPS - 1);
            colours[i] = new Color(scale.map().argb(1 - (double) i / (STOPS - 1)), false);
        }
        return new LinearGradientPaint(new Point2D.Double(0, top), new Point2D.Double(0, top + h), fractions, colours);
    }

    private static double yOf(ColourScale scale, double v, double top, double h) {
        return top + (1 - scale.position(v)) * h;
    }

    /** A triangle left of the bar pointing at height y: where the data's min or max sits. */
    private static void mark(Graphics2D g, double y) {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(0, y - MARK / 2 - 0.5);
        t.lineTo(MARK, y);
        t.lineTo(0, y + MARK / 2 + 0.5);
        t.closePath();
        g.setColor(new Color(26, 26, 26));
        g.fill(t);
    }

    private static void clipped(Graphics2D g, double y, int argb, String text) {
        swatch(g, y + 0.5, new Color(argb, false));
        FigureText.draw(g, text, FONT, INK, LABEL_X, y + LINE / 2, FigureText.Along.START, FigureText.Across.MIDDLE);
    }

    private void drawSwatches(Graphics2D g, double y) {
        Rectangle2D masked = new Rectangle2D.Double(BAR_X, y, BAR_W, SWATCH);
        MapCells.hatch(g, masked, BAR_X, y, BAR_W, SWATCH);
        outline(g, masked);
        FigureText.draw(g, "masked", FONT, INK, LABEL_X, y + SWATCH / 2, FigureText.Along.START, FigureText.Across.MIDDLE);
        double y2 = y + SWATCH + 4;
        swatch(g, y2, new Color(ColourScale.NAN, false));
        FigureText.draw(g, "NaN", FONT, INK, LABEL_X, y2 + SWATCH / 2, FigureText.Along.START, FigureText.Across.MIDDLE);
    }

    private static void swatch(Graphics2D g, double y, Color colour) {
        Rectangle2D r = new Rectangle2D.Double(BAR_X, y, BAR_W, SWATCH);
        g.setColor(colour);
        g.fill(r);
        outline(g, r);
    }

    private static void outline(Graphics2D g, Rectangle2D r) {
        g.setColor(EDGE);
        g.setStroke(new BasicStroke(0.5f));
        g.draw(r);
    }
}
