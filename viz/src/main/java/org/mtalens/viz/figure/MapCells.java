package org.mtalens.viz.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.colour.ColourLookup;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.raster.MapRasterizer;
import org.mtalens.viz.raster.Viewport;

/**
 * Draws a map's cells into a rectangle of a figure, in the colours the screen gives them. A small map (at most
 * {@link #MAX_VECTOR_CELLS} cells a side and at least one exported pixel per cell) is drawn as vector cells (a row's
 * run of equal colours as one rectangle, the masked future keys of a causal map as one hatched staircase); a larger
 * one as an image of exactly the rectangle's pixels at the exported resolution, each pixel the cell of largest
 * |value| it covers with its sign ({@link MapRasterizer}, as the screen pools), so a sharp spike stays visible.
 */
final class MapCells {
    /**
     * The most cells a side drawn as vectors: a 128 x 128 map is about 8,000 rectangles (under 1 MB of SVG); beyond
     * that a file grows with T^2 while the eye sees an image anyway.
     */
    static final int MAX_VECTOR_CELLS = 128;
    /** Distance between the hatching lines of masked cells, in points (8 screen pixels at 2x). */
    static final double HATCH_PERIOD = 4;

    private MapCells() {
    }

    /**
     * @return true when {@code map} drawn in w x h points at {@code pixelsPerPoint} is drawn as an image: it has more
     *         cells than pixels, or more than {@link #MAX_VECTOR_CELLS} a side
     */
    static boolean asImage(Matrix map, double w, double h, double pixelsPerPoint) {
        return map.columns() > pixels(w, pixelsPerPoint) || map.rows() > pixels(h, pixelsPerPoint)
                || Math.max(map.rows(), map.columns()) > MAX_VECTOR_CELLS;
    }

    /** @return the pixels across {@code points} at the exported resolution */
    static int pixels(double points, double pixelsPerPoint) {
        return Math.max(1, (int) Math.round(points * pixelsPerPoint));
    }

    /** Draws {@code map} coloured by {@code scale} into the rectangle (x, y, w, h). */
    static void draw(Graphics2D g, Matrix map, ColourScale scale, double x, double y, double w, double h,
                     double pixelsPerPoint) {
        if (map.rows() == 0 || map.columns() == 0) {
            return;
        }
        if (asImage(map, w, h, pixelsPerPoint)) {
            image(g, map, scale, x, y, w, h, pixelsPerPoint);
        } else {
            vector(g, map, scale, x, y, w / map.columns(), h / map.rows());
        }
    }

    /**
     * One rectangle per run of equal colour in a row, each reaching a little into its right and lower neighbours
     * (never past the map's edge) so that viewers leave no hairline seams between them; the neighbours, drawn
     * later, cover the overlap.
     */
    private static void vector(Graphics2D g, Matrix map, ColourScale scale, double x, double y, double cw, double ch) {
        AffineTransform at = g.getTransform();
        // a shifted page is drawn in page coordinates: SVG then writes no transform on each of thousands of cells
        boolean shifted = at.getType() == AffineTransform.TYPE_TRANSLATION;
        double dx = shifted ? at.getTranslateX() : 0;
        double dy = shifted ? at.getTranslateY() : 0;
        if (shifted) {
            g.setTransform(new AffineTransform());
        }
        try {
            cells(g, map, scale, x + dx, y + dy, cw, ch);
        } finally {
            g.setTransform(at);
        }
    }

    private static void cells(Graphics2D g, Matrix map, ColourScale scale, double x, double y, double cw, double ch) {
        ColourLookup lookup = new ColourLookup(scale);
        double overlapX = Math.min(0.3, cw * 0.25);
        double overlapY = Math.min(0.3, ch * 0.25);
        for (int r = 0; r < map.rows(); r++) {
            int end = map.causal() ? Math.min(map.columns(), r + 1) : map.columns();
            int c = 0;
            while (c < end) {
                int argb = lookup.argb(map.value(r, c));
                int run = c + 1;
                while (run < end && lookup.argb(map.value(r, run)) == argb) {
                    run++;
                }
                g.setColor(new Color(argb, false));
                double right = run < map.columns() ? overlapX : 0;
                double down = r + 1 < map.rows() ? overlapY : 0;
                g.fill(new Rectangle2D.Double(x + c * cw, y + r * ch, (run - c) * cw + right, ch + down));
                c = run;
            }
        }
        if (map.causal() && map.columns() > 1) {
            hatch(g, maskedStaircase(map, x, y, cw, ch), x, y, map.columns() * cw, map.rows() * ch);
        }
    }

    /** @return the outline of the masked cells (column > row) of a causal map: a staircase above the diagonal */
    static Shape maskedStaircase(Matrix map, double x, double y, double cw, double ch) {
        int maskedRows = Math.min(map.rows(), map.columns() - 1);
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x + cw, y);
        p.lineTo(x + map.columns() * cw, y);
        p.lineTo(x + map.columns() * cw, y + maskedRows * ch);
        for (int r = maskedRows - 1; r >= 0; r--) {
            p.lineTo(x + (r + 1) * cw, y + (r + 1) * ch);
            p.lineTo(x + (r + 1) * cw, y + r * ch);
        }
        p.closePath();
        return p;
    }

    /** Fills {@code area} with the screen's masked-cell hatching: light grey crossed by dark diagonal stripes. */
    static void hatch(Graphics2D g, Shape area, double x, double y, double w, double h) {
        g.setColor(new Color(ColourScale.MASKED_LIGHT, false));
        g.fill(area);
        Graphics2D lines = (Graphics2D) g.create();
        try {
            lines.clip(area);
            lines.setColor(new Color(ColourScale.MASKED_DARK, false));
            lines.setStroke(new BasicStroke((float) (HATCH_PERIOD / 4), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            Path2D.Double stripes = new Path2D.Double();
            for (double d = HATCH_PERIOD / 8; d < w + h; d += HATCH_PERIOD) {
                stripes.moveTo(x + d, y);
                stripes.lineTo(x + d - h, y + h);
            }
            lines.draw(stripes);
        } finally {
            lines.dispose();
        }
    }

    /** The map pooled and coloured to the rectangle's pixels at the exported resolution, placed over it. */
    private static void image(Graphics2D g, Matrix map, ColourScale scale, double x, double y, double w, double h,
                              double pixelsPerPoint) {
        int px = pixels(w, pixelsPerPoint);
        int py = pixels(h, pixelsPerPoint);
        double pixelsPerCell = Math.min((double) px / map.columns(), (double) py / map.rows());
        int[] argb = new int[px * py];
        MapRasterizer.render(map, new Viewport(0, 0, pixelsPerCell), scale, px, py, argb);
        BufferedImage image = new BufferedImage(px, py, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, px, py, argb, 0, px);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, new AffineTransform(w / px, 0, 0, h / py, x, y), null);
    }
}
