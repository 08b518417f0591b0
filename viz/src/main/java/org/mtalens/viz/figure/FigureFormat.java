package org.mtalens.viz.figure;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The vector formats a figure is written in: SVG (for the web and editing) and PDF (for papers). */
public enum FigureFormat {
    SVG("svg"),
    PDF("pdf");

    /** The resolution of the images a figure embeds for maps with more cells than pixels, unless asked otherwise. */
    public static final double DEFAULT_DPI = 300;
    /** The resolutions a figure may be written at. */
    public static final double MIN_DPI = 36;
    public static final double MAX_DPI = 1200;

    private final String extension;

    FigureFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file extension, without the dot */
    public String extension() {
        return extension;
    }

    /** @return the format a file's extension names ({@code .svg}, {@code .pdf}, any case), if any */
    public static Optional<FigureFormat> ofFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FigureFormat f : values()) {
            if (name.endsWith("." + f.extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes {@code figure} to {@code out} (not closed).
     *
     * @param dpi the resolution of the images of maps with more cells than pixels (dots per inch)
     */
    public void write(Figure figure, double dpi, OutputStream out) throws IOException {
        if (!(dpi >= MIN_DPI && dpi <= MAX_DPI)) {
            throw new IllegalArgumentException("a figure's resolution must be " + (int) MIN_DPI + ".." + (int) MAX_DPI
                    + " dpi, got " + dpi);
        }
        double pixelsPerPoint = dpi / 72;
        switch (this) {
            case SVG -> SvgFigureWriter.write(figure, pixelsPerPoint, out);
            case PDF -> PdfFigureWriter.write(figure, pixelsPerPoint, out);
        }
    }
}
