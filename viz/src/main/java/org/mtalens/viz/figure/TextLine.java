package org.mtalens.viz.figure;

import java.awt.Color;
import java.awt.Graphics2D;

/**
 * One line of text as a part of a figure (a title, a caption).
 *
 * @param text   what it says
 * @param size   font size in points
 * @param colour text colour
 */
public record TextLine(String text, double size, Color colour) implements FigurePart {
    /** Dark grey text for titles and captions. */
    public static final Color INK = new Color(26, 26, 26);

    /** @return a title line of {@code size} points in the figure's ink */
    public static TextLine of(String text, double size) {
        return new TextLine(text, size, INK);
    }

    @Override
    public double width() {
        return FigureFont.width(text, size);
    }

    @Override
    public double height() {
        return Math.ceil(FigureFont.lineHeight(size)) + 2;
    }

    @Override
    public void draw(Graphics2D g, double pixelsPerPoint) {
        FigureText.draw(g, text, size, colour, 0, 0, FigureText.Along.START, FigureText.Across.TOP);
    }
}
