package org.mtalens.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.mtalens.app.figure.FigureKind;
import org.mtalens.app.figure.FigureRequest;
import org.mtalens.app.figure.ViewFigures;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;
import org.mtalens.runtime.config.ModelChoices;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.export.ExportTarget;
import org.mtalens.runtime.model.PassProgress;
import org.mtalens.viz.figure.Figure;
import org.mtalens.viz.figure.FigureFormat;
import picocli.CommandLine.Option;

/**
 * {@code snapshot}'s vector figures: {@code --format svg|pdf} writes the figure of a view instead of a picture of
 * the window ({@code --figure pipeline|map|inspector|grid|change}, at {@code --dpi} for the images of large maps).
 */
final class FigureSnapshot {
    @Option(names = "--format", paramLabel = "FORMAT", description = "png (the window), svg or pdf (a vector figure of"
            + " one view); default: by the --out file's extension, else png")
    String format;

    @Option(names = "--figure", paramLabel = "VIEW", description = "with svg or pdf: pipeline (default), map (the --stage"
            + " map), inspector (the layer's kernels and head mixing), grid (default with --grid) or change (the"
            + " MTA-change strip)")
    String figure;

    @Option(names = "--dpi", paramLabel = "DPI", defaultValue = "300", description = "with svg or pdf: the resolution of"
            + " the images of maps with more cells than that many pixels (default: ${DEFAULT-VALUE})")
    double dpi;

    /** @return the vector format asked for (by --format, else by the file's extension); empty for a PNG */
    Optional<FigureFormat> vectorFormat(Path out) {
        Optional<FigureFormat> byName = FigureFormat.ofFile(out);
        if (format == null) {
            return byName;
        }
        if (format.equalsIgnoreCase("png")) {
            if (byName.isPresent()) {
                throw new InvalidInputException("--format png but --out " + out + " is named ." + byName.get().extension()
                        + "; name the file .png");
            }
            return Optional.empty();
        }
        for (FigureFormat f : FigureFormat.values()) {
            if (f.extension().equals(format.toLowerCase(Locale.ROOT))) {
                if (byName.isPresent() && byName.get() != f) {
                    throw new InvalidInputException("--format " + f.extension() + " but --out " + out + " is named ."
                            + byName.get().extension() + "; name the file ." + f.extension());
                }
                return Optional.of(f);
            }
        }
        throw new InvalidInputException("--format " + ShownName.of(format) + ": give png, svg or pdf");
    }

    /** Checks the options before anything starts. */
    void check(Path out) {
        Optional<FigureFormat> vector = vectorFormat(out);
        if (vector.isEmpty() && (figure != null)) {
            throw new InvalidInputException("--figure draws a vector figure: give --format svg or pdf (or --out FILE.svg)");
        }
        if (!(dpi >= FigureFormat.MIN_DPI && dpi <= FigureFormat.MAX_DPI)) {
            throw new InvalidInputException("--dpi " + dpi + ": give " + (int) FigureFormat.MIN_DPI + ".."
                    + (int) FigureFormat.MAX_DPI);
        }
        if (figure != null) {
            FigureKind.parse(figure, "--figure");
        }
    }

    /**
     * Writes the figure of the window's state to {@code out} (on the calling thread: the command waits for it anyway)
     * and says what it wrote: its size, its page and the time it took (the maps' replay, drawing and writing).
     *
     * @param gridStage the --grid stage, or null
     */
    void write(MainViewModel vm, String gridStage, Path out, PrintWriter console) throws IOException {
        FigureFormat vector = vectorFormat(out).orElseThrow();
        FigureKind kind = figure != null ? FigureKind.parse(figure, "--figure")
                : gridStage != null ? FigureKind.GRID : FigureKind.PIPELINE;
        Stage grid = gridStage == null ? Stage.FINAL : ModelChoices.stage(gridStage, "--grid");
        long start = System.nanoTime();
        Figure drawn = ViewFigures.build(FigureRequest.of(vm, kind, grid), dpi, PassProgress.NONE);
        ExportTarget.write(out, stream -> vector.write(drawn, dpi, stream));
        console.printf(Locale.ROOT, "wrote %s (%.1f KB, %.0f x %.0f pt) in %.2f s: %s%n", out, Files.size(out) / 1024.0,
                drawn.width(), drawn.height(), (System.nanoTime() - start) / 1e9, drawn.description().title());
        console.flush();
    }
}
