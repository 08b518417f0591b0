package org.mtalens.viz.figure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The font an SVG figure embeds: the glyphs of DejaVu Sans its text uses (a TrueType subset, usually a few tens of
 * KB), as a CSS {@code @font-face} in the figure's {@code <defs>}, so the text looks the same in any browser or
 * editor that reads CSS fonts and stays selectable, searchable text.
 */
final class SvgFontFace {
    /**
     * The tables kept: what glyph outlines, their metrics, the character map and the names need; the layout tables
     * (kerning, GSUB, GPOS) of the whole font are left out, as the figure places every line itself.
     */
    private static final List<String> TABLES = List.of("head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "name",
            "OS/2", "post", "cvt ", "fpgm", "prep", "gasp");
    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

    private SvgFontFace() {
    }

    /** @return a {@code <defs>} element holding the font face for the text of {@code svg}; empty when it has none */
    static String of(String svg) throws IOException {
        Set<Integer> used = codePoints(svg);
        if (used.isEmpty()) {
            return "";
        }
        String font = Base64.getEncoder().encodeToString(subset(used));
        return "<defs><style type=\"text/css\"><![CDATA[@font-face{font-family:'" + FigureFont.FAMILY
                + "';src:url(data:font/ttf;base64," + font + ") format('truetype');}]]></style></defs>";
    }

    /** @return every character of the text elements of {@code svg} */
    static Set<Integer> codePoints(String svg) {
        Set<Integer> used = new TreeSet<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            unescape(m.group(1)).codePoints().forEach(used::add);
        }
        return used;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** @return DejaVu Sans cut down to the glyphs of {@code codePoints}, with the tables browsers need */
    static byte[] subset(Set<Integer> codePoints) throws IOException {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FigureFont.bytes()))) {
            TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
            subsetter.addAll(codePoints);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            return out.toByteArray();
        }
    }
}
