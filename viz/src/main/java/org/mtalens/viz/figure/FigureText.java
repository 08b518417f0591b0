package org.mtalens.viz.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;

/**
 * Draws a line of figure text as text (never as outlines), anchored horizontally at its start, middle or end and
 * vertically at its top, middle or baseline; optionally turned a quarter anticlockwise (reading upwards).
 */
final class FigureText {
    /** Where the anchor point is along the text. */
    enum Along { START, MIDDLE, END }

    /** Where the anchor point is across the text. */
    enum Across { TOP, MIDDLE, BASELINE, BOTTOM }

    private FigureText() {
    }

    /**
     * @return {@code text} with every character that XML 1.0 cannot hold (control characters other than tab and
     *         line breaks, lone surrogates, U+FFFE and U+FFFF) as U+FFFD, so any token's label can be written
     */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 0x20 && c < 0xD800 || c == '\t' || c == '\n' || c == '\r' || c > 0xDFFF && c < 0xFFFE
                    || Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (!ok && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(ok ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    /** Draws {@code text} at {@code size} points in {@code colour} with its anchor at (x, y). */
    static void draw(Graphics2D g, String text, double size, Color colour, double x, double y, Along along,
                     Across across) {
        if (text.isEmpty()) {
            return;
        }
        text = printable(text);
        g.setFont(FigureFont.of(size));
        g.setColor(colour);
        double dx = switch (along) {
            case START -> 0;
            case MIDDLE -> -FigureFont.width(text, size) / 2;
            case END -> -FigureFont.width(text, size);
        };
        double dy = switch (across) {
            case TOP -> FigureFont.ascent(size);
            case MIDDLE -> (FigureFont.ascent(size) - FigureFont.descent(size)) / 2;
            case BASELINE -> 0;
            case BOTTOM -> -FigureFont.descent(size);
        };
        g.drawString(text, (float) (x + dx), (float) (y + dy));
    }

    /** As {@link #draw}, turned a quarter anticlockwise about (x, y): the text reads upwards from there. */
    static void drawUpwards(Graphics2D g, String text, double size, Color colour, double x, double y, Along along,
                            Across across) {
        AffineTransform before = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        draw(g, text, size, colour, 0, 0, along, across);
        g.setTransform(before);
    }
}
