package org.mtalens.viz.figure;

import java.awt.Graphics2D;

/**
 * A piece of a figure: a fixed size in points (1/72 inch) and Java2D drawing code that draws it with its top-left
 * corner at the origin onto any {@link Graphics2D} (SVG, PDF, a bitmap).
 */
public interface FigurePart {
    /** @return the width in points */
    double width();

    /** @return the height in points */
    double height();

    /**
     * Draws the part at the origin.
     *
     * @param pixelsPerPoint the resolution the figure is exported at (300 dpi is 300/72): a map with more cells than
     *                       it has pixels there is drawn as an image of that many pixels, a smaller one as vector cells
     */
    void draw(Graphics2D g, double pixelsPerPoint);
}
