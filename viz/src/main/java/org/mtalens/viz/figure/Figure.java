package org.mtalens.viz.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.Objects;

/**
 * A whole figure: its content on a white page with a margin, and its description. Written by
 * {@link FigureFormat#write}.
 *
 * @param content     what is drawn
 * @param description what it shows, for the file's metadata
 */
public record Figure(FigurePart content, FigureDescription description) {
    /** White space around the content, in points. */
    public static final double MARGIN = 10;

    public Figure {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(description, "description");
    }

    /** @return the page width in points */
    public double width() {
        return Math.ceil(content.width() + 2 * MARGIN);
    }

    /** @return the page height in points */
    public double height() {
        return Math.ceil(content.height() + 2 * MARGIN);
    }

    /** Draws the page (white background, content inside the margin) at the origin of {@code g}. */
    public void draw(Graphics2D g, double pixelsPerPoint) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        AffineTransform before = g.getTransform();
        g.translate(MARGIN, MARGIN);
        content.draw(g, pixelsPerPoint);
        g.setTransform(before);
    }
}
