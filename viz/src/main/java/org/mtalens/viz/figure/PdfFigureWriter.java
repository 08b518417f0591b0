package org.mtalens.viz.figure;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Calendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Writes a figure as a one-page PDF (PDFBox through its Graphics2D bridge): the page the figure's size in points,
 * text drawn with PDF text operators in DejaVu Sans (a subset embedded), shapes as paths, images of large maps as
 * lossless images; the description in the document information (title, subject, one entry per field).
 */
final class PdfFigureWriter {
    private PdfFigureWriter() {
    }

    static void write(Figure figure, double pixelsPerPoint, OutputStream out) throws IOException {
        float w = (float) figure.width();
        float h = (float) figure.height();
        try (PDDocument document = new PDDocument();
             PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
            fonts.registerFont(FigureFont.javaName(), new ByteArrayInputStream(FigureFont.bytes()));
            PDPage page = new PDPage(new PDRectangle(w, h));
            document.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, w, h);
            g.setFontTextDrawer(fonts);
            try {
                figure.draw(g, pixelsPerPoint);
            } finally {
                g.dispose();
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(g.getXFormObject());
            }
            describe(document.getDocumentInformation(), figure.description());
            document.save(out);
        }
    }

    private static void describe(PDDocumentInformation info, FigureDescription d) {
        info.setTitle(d.title());
        info.setSubject(d.text());
        info.setCreator("MTA Lens");
        info.setCreationDate(Calendar.getInstance());
        d.fields().forEach(info::setCustomMetadataValue);
    }
}
