package org.mtalens.viz.figure;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

/**
 * Writes a figure as SVG (JFreeSVG): text as {@code <text>} in DejaVu Sans, whose glyphs the file embeds
 * ({@link SvgFontFace}), shapes as paths and rectangles, images of large maps as embedded PNGs; sized in points
 * with a view box in points; the description as {@code <title>}, {@code <desc>} and {@code <metadata>}.
 */
final class SvgFigureWriter {
    /** The namespace of the fields in {@code <metadata>}. */
    static final String METADATA_NAMESPACE = "urn:mta-lens:figure";

    private SvgFigureWriter() {
    }

    static void write(Figure figure, double pixelsPerPoint, OutputStream out) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(figure.width(), figure.height(), SVGUnits.PT);
        g.setFontFunction(family -> FigureFont.FAMILY + ", sans-serif");
        g.setGeomDoubleConverter(SVGUtils.createDoubleConverter(2));
        g.setTransformDoubleConverter(SVGUtils.createDoubleConverter(4));
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        figure.draw(g, pixelsPerPoint);
        String svg = g.getSVGElement(null, true, new ViewBox(0, 0, figure.width(), figure.height()), null, null);
        String head = description(figure.description()) + SvgFontFace.of(svg);
        int afterStartTag = svg.indexOf('>', svg.indexOf("<svg")) + 1;
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.substring(0, afterStartTag) + head
                + svg.substring(afterStartTag);
        out.write(document.getBytes(StandardCharsets.UTF_8));
    }

    /** @return {@code text} escaped for XML, with the characters XML 1.0 cannot hold as U+FFFD */
    static String xml(String text) {
        return SVGUtils.escapeForXML(FigureText.printable(text));
    }

    /** @return the {@code <title>}, {@code <desc>} (the description's text) and {@code <metadata>} (its fields) */
    static String description(FigureDescription d) {
        StringBuilder s = new StringBuilder();
        s.append("<title>").append(xml(d.title())).append("</title>");
        s.append("<desc>").append(xml(d.text())).append("</desc>");
        s.append("<metadata><mta:figure xmlns:mta=\"").append(METADATA_NAMESPACE).append("\">");
        d.fields().forEach((name, value) -> s.append("<mta:field name=\"").append(xml(name))
                .append("\">").append(xml(value)).append("</mta:field>"));
        return s.append("</mta:figure></metadata>").toString();
    }
}
