package org.mtalens.viz.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.raster.LabelThinning;
import org.mtalens.viz.testing.SyntheticMaps;

class PdfFigureTest {
    private static final FigureDescription DESCRIPTION = FigureDescription.titled("layer 1 · head 0 · final")
            .with("checkpoint", "tiny").with("layer", "1").with("head", "0").with("stage", "final");

    @Test
    void aHeatmapPdfOpensAndHoldsItsLabelsAsTextAndItsDescriptionInTheDocumentInformation() throws Exception {
        Matrix map = SyntheticMaps.weights("layer 1 · head 0 · final", 12, 1);
        try (PDDocument pdf = Loader.loadPDF(WrittenFigures.write(Figures.heatmap(map, DESCRIPTION), FigureFormat.PDF,
                300, "heatmap-12"))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            for (String token : map.rowLabels()) {
                assertThat(text).contains(LabelThinning.display(token, 12));
            }
            assertThat(text).contains("layer 1 · head 0 · final", "key \u2192", "max 1", "masked");
            var info = pdf.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("layer 1 · head 0 · final");
            assertThat(info.getSubject()).contains("checkpoint: tiny", "colour range · layer 1 · head 0 · final: viridis");
            assertThat(info.getCustomMetadataValue("checkpoint")).isEqualTo("tiny");
            assertThat(info.getCustomMetadataValue("stage")).isEqualTo("final");
        }
    }

    @Test
    void theTextIsSetInTheEmbeddedDejaVuSans() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(WrittenFigures.write(Figures.heatmap(SyntheticMaps.weights("w", 12, 1),
                DESCRIPTION), FigureFormat.PDF, 300, "fonts"))) {
            List<PDFont> fonts = fonts(pdf.getPage(0).getResources());
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
        }
    }

    @Test
    void aSmallMapIsVectorCellsAndALargeOneAnImageOfTheExportedPixels() throws Exception {
        Figure figure = Figures.pipeline("layer 0 · head 1", List.of(SyntheticMaps.weights("layer 0 · head 1 · softmax",
                120, 2)), DESCRIPTION);
        try (PDDocument at72 = Loader.loadPDF(WrittenFigures.write(figure, FigureFormat.PDF, 72, "map-120-72dpi"));
             PDDocument at36 = Loader.loadPDF(WrittenFigures.write(figure, FigureFormat.PDF, 36, "map-120-36dpi"))) {
            assertThat(images(at72.getPage(0).getResources())).isEmpty();
            List<PDImageXObject> images = images(at36.getPage(0).getResources());
            assertThat(images).hasSize(1);
            assertThat(images.get(0).getWidth()).isEqualTo(100);
            assertThat(new PDFTextStripper().getText(at36)).contains("<s>", "It20");
        }
    }

    /** @return the fonts of the page and of the forms it draws */
    private static List<PDFont> fonts(PDResources resources) throws IOException {
        return everywhere(resources, r -> {
            List<PDFont> out = new ArrayList<>();
            for (COSName name : r.getFontNames()) {
                out.add(r.getFont(name));
            }
            return out;
        });
    }

    /** @return the images of the page and of the forms it draws */
    private static List<PDImageXObject> images(PDResources resources) throws IOException {
        return everywhere(resources, r -> {
            List<PDImageXObject> out = new ArrayList<>();
            for (COSName name : r.getXObjectNames()) {
                if (r.getXObject(name) instanceof PDImageXObject image) {
                    out.add(image);
                }
            }
            return out;
        });
    }

    /** What one set of resources holds of something. */
    private interface Held<T> {
        List<T> in(PDResources resources) throws IOException;
    }

    /** @return what {@code resources} and the resources of every form they draw, however deep, hold */
    private static <T> List<T> everywhere(PDResources resources, Held<T> held) throws IOException {
        List<T> out = new ArrayList<>(held.in(resources));
        for (PDFormXObject form : forms(resources)) {
            out.addAll(everywhere(form.getResources(), held));
        }
        return out;
    }

    private static List<PDFormXObject> forms(PDResources resources) throws IOException {
        List<PDFormXObject> out = new ArrayList<>();
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form && form.getResources() != null) {
                out.add(form);
            }
        }
        return out;
    }
}
