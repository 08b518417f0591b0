package org.mtalens.app.figure;

import java.nio.file.Path;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.export.ExportTarget;
import org.mtalens.viz.figure.Figure;
import org.mtalens.viz.figure.FigureFormat;

/**
 * <i>File &gt; Export figure</i> and {@code snapshot --format svg|pdf}: makes a view's figure and writes it as SVG or
 * PDF (by the file's extension), in the background through the window's jobs (progress, Cancel, errors reported
 * like any other work), atomically.
 */
public final class FigureExport {
    private FigureExport() {
    }

    /**
     * Exports the figure of {@code request} to {@code file} in the background; {@code done} is told the file once
     * it is written (on the FX thread).
     *
     * @throws InvalidInputException at once when the file is not .svg or .pdf or cannot be written
     */
    public static void export(MainViewModel vm, FigureRequest request, Path file, double dpi,
                              java.util.function.Consumer<Path> done) {
        FigureFormat format = format(file);
        ExportTarget.check(file);
        vm.background("figure", "Exporting " + request.kind().what() + " to " + file.getFileName() + " ...", progress -> {
            Figure figure = ViewFigures.build(request, dpi, progress);
            ExportTarget.write(file, out -> format.write(figure, dpi, out));
            return file;
        }, done);
    }

    /** @return the format the file's extension names */
    public static FigureFormat format(Path file) {
        return FigureFormat.ofFile(file).orElseThrow(() -> new InvalidInputException(file
                + ": a figure is written as .svg or .pdf; name the file with one of them"));
    }
}
