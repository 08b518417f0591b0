package org.mtalens.viz.figure;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface of every figure: DejaVu Sans, shipped with viz (its licence is beside it), so that a figure is
 * laid out with the same metrics on every machine and the font its writers embed is the font it was measured with.
 */
public final class FigureFont {
    /** The family name SVG text asks for and the name the PDF writer registers the embedded font under. */
    public static final String FAMILY = "DejaVu Sans";
    private static final String RESOURCE = "DejaVuSans.ttf";
    /** Measures text as the writers lay it out: unhinted, fractional widths. */
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);
    private static byte[] bytes;
    private static Font base;

    private FigureFont() {
    }

    /** @return the TrueType file of the font (for embedding) */
    public static synchronized byte[] bytes() {
        if (bytes == null) {
            try (InputStream in = FigureFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the figure font " + RESOURCE + " is missing from viz's resources");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes.clone();
    }

    private static synchronized Font base() {
        if (base == null) {
            try {
                base = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes()));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("the figure font " + RESOURCE + " cannot be read", e);
            }
        }
        return base;
    }

    /** @return the font at {@code size} points */
    public static Font of(double size) {
        return base().deriveFont((float) size);
    }

    /** @return the advance width of {@code text} at {@code size} points */
    public static double width(String text, double size) {
        return of(size).getStringBounds(text, MEASURE).getWidth();
    }

    /** @return the ascent (baseline to the top of tall glyphs) at {@code size} points */
    public static double ascent(double size) {
        return metrics(size).getAscent();
    }

    /** @return the descent (baseline to the bottom of descenders) at {@code size} points */
    public static double descent(double size) {
        return metrics(size).getDescent();
    }

    /** @return the height of one line of text at {@code size} points (ascent + descent) */
    public static double lineHeight(double size) {
        return ascent(size) + descent(size);
    }

    private static LineMetrics metrics(double size) {
        return of(size).getLineMetrics("Hg", MEASURE);
    }

    /** @return the name Java gives the font, the key under which the PDF writer maps it to the embedded font */
    static String javaName() {
        return base().getFontName();
    }
}
