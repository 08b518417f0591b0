package org.mtalens.viz.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.ColourMap;
import org.mtalens.viz.raster.LabelThinning;
import org.mtalens.viz.testing.SyntheticMaps;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgFigureTest {
    private static final FigureDescription DESCRIPTION = FigureDescription.titled("layer 1 · head 0 · final")
            .with("checkpoint", "tiny").with("tokens", "12 tokens").with("layer", "1").with("head", "0")
            .with("stage", "final");

    @Test
    void aHeatmapIsWellFormedSvgWithEveryTokenLabelAsTextAndItsDescriptionInItsMetadata() throws Exception {
        Matrix map = SyntheticMaps.weights("layer 1 · head 0 · final", 12, 1);
        Document svg = WrittenFigures.svg(WrittenFigures.write(Figures.heatmap(map, DESCRIPTION), FigureFormat.SVG, 300,
                "heatmap-12"));

        List<String> texts = WrittenFigures.texts(svg);
        for (String token : map.rowLabels()) {
            long tokens = map.rowLabels().stream().filter(token::equals).count();
            assertThat(texts).as("label of %s on both axes", token)
                    .filteredOn(LabelThinning.display(token, 12)::equals).hasSize((int) (2 * tokens));
        }
        assertThat(texts).contains("layer 1 · head 0 · final", "key \u2192", "query \u2193", "max 1", "masked");
        assertThat(WrittenFigures.elements(svg, "title").get(0).getTextContent()).isEqualTo("layer 1 · head 0 · final");
        assertThat(WrittenFigures.elements(svg, "desc").get(0).getTextContent()).contains("checkpoint: tiny",
                "colour range · layer 1 · head 0 · final: viridis, linear, 0 to 1");
        Map<String, String> fields = svg.getElementsByTagNameNS(SvgFigureWriter.METADATA_NAMESPACE, "field").getLength() == 0
                ? Map.of() : fields(svg);
        assertThat(fields).containsEntry("checkpoint", "tiny").containsEntry("layer", "1").containsEntry("head", "0")
                .containsEntry("stage", "final").containsKey("colour range · layer 1 · head 0 · final");
    }

    private static Map<String, String> fields(Document svg) {
        var nodes = svg.getElementsByTagNameNS(SvgFigureWriter.METADATA_NAMESPACE, "field");
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i))
                .collect(Collectors.toMap(e -> e.getAttribute("name"), Element::getTextContent));
    }

    @Test
    void aMapWithAtLeastAPixelPerCellIsVectorCellsAndALargerOneOneImageOfTheExportedPixels() throws Exception {
        Matrix map = SyntheticMaps.weights("layer 0 · head 1 · softmax", 120, 2);
        Figure figure = Figures.pipeline("layer 0 · head 1", List.of(map), DESCRIPTION);

        Document at72 = WrittenFigures.svg(WrittenFigures.write(figure, FigureFormat.SVG, 72, "map-120-72dpi"));
        assertThat(WrittenFigures.images(at72)).as("200 points at 72 dpi are 200 pixels for 120 cells").isEmpty();
        assertThat(WrittenFigures.elements(at72, "rect")).as("at least one rectangle per row of cells").hasSizeGreaterThan(120);

        Document at36 = WrittenFigures.svg(WrittenFigures.write(figure, FigureFormat.SVG, 36, "map-120-36dpi"));
        List<BufferedImage> images = WrittenFigures.images(at36);
        assertThat(images).hasSize(1);
        assertThat(images.get(0).getWidth()).as("200 points at 36 dpi").isEqualTo(100);
        assertThat(images.get(0).getHeight()).isEqualTo(100);
        assertThat(WrittenFigures.elements(at36, "rect")).as("no cell drawn as a rectangle").hasSizeLessThan(20);
        assertThat(WrittenFigures.texts(at36)).as("the labels stay text, every tenth").contains("<s>", "It20")
                .doesNotContain("The");
    }

    @Test
    void aMapOfMoreThan128CellsASideIsAnImageEvenWhenThePixelsWouldHoldItsCells() throws Exception {
        Figure figure = Figures.heatmap(SyntheticMaps.weights("layer 0 · head 1 · softmax", 200, 2), DESCRIPTION);
        List<BufferedImage> images = WrittenFigures.images(WrittenFigures.svg(WrittenFigures.write(figure,
                FigureFormat.SVG, 300, "map-200-300dpi")));
        assertThat(images).hasSize(1);
        assertThat(images.get(0).getWidth()).as("240 points at 300 dpi").isEqualTo(1000);
    }

    @Test
    void eachPixelOfAnImageShowsTheValueOfLargestMagnitudeUnderItWithItsSign() throws Exception {
        int t = 400;
        float[] v = new float[t * t];
        java.util.Arrays.fill(v, 0.01f);
        v[300 * t + 100] = -1;
        List<String> labels = SyntheticMaps.tokens(t);
        Matrix map = new Matrix("layer 0 · head 0 · scores", t, t, v, labels, labels, ValueKind.SIGNED, true);
        Figure figure = Figures.heatmap(map, DESCRIPTION);

        BufferedImage image = WrittenFigures.images(WrittenFigures.svg(WrittenFigures.write(figure, FigureFormat.SVG, 36,
                "spike-400-36dpi"))).get(0);

        // 120 pixels for 400 cells: pixel (30, 90) covers columns 100..103 of rows 300..303
        int spike = image.getRGB(30, 90);
        assertThat(spike).isEqualTo(ColourMap.BLUE_WHITE_RED.argb(0)).isNotEqualTo(image.getRGB(31, 90));
        assertThat(image.getRGB(31, 90)).isEqualTo(((HeatmapPart) figure.content()).legend().scale().argb(0.01f));
    }

    @Test
    void theFileEmbedsOnlyTheGlyphsOfItsText() throws Exception {
        String svg = WrittenFigures.string(WrittenFigures.write(Figures.heatmap(SyntheticMaps.weights("w", 12, 1),
                DESCRIPTION), FigureFormat.SVG, 300, "glyphs"));
        String data = svg.replaceAll("(?s).*url\\(data:font/ttf;base64,([^)]*)\\).*", "$1");
        byte[] font = java.util.Base64.getDecoder().decode(data);

        try (TrueTypeFont subset = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            var cmap = subset.getUnicodeCmapLookup();
            for (int c : "cat\u2423\u2192\u2193<>0.8".codePoints().toArray()) {
                assertThat(cmap.getGlyphId(c)).as("glyph of %s", Character.toString(c)).isPositive();
            }
            assertThat(cmap.getGlyphId('\u0416')).as("a letter the figure does not use").isZero();
        }
        assertThat(font.length).isLessThan(FigureFont.bytes().length / 20);
        assertThat(svg).contains("font-family: DejaVu Sans, sans-serif");
    }

    @Test
    void aTokenWithACharacterXmlCannotHoldStillGivesAWellFormedFileWithTheRestOfItsLabel() throws Exception {
        List<String> labels = List.of("<s>", "a\u0001b", "\uD800x", "ok");
        Matrix map = new Matrix("layer 0 · head 0 · final", 4, 4, SyntheticMaps.weights("w", 4, 1).values(), labels,
                labels, ValueKind.WEIGHT, true);
        Document svg = WrittenFigures.svg(WrittenFigures.write(Figures.heatmap(map, DESCRIPTION.with("tokens",
                String.join(" ", labels))), FigureFormat.SVG, 300, "odd-labels"));
        assertThat(WrittenFigures.texts(svg)).contains("a\uFFFDb", "\uFFFDx", "ok");
    }
}
