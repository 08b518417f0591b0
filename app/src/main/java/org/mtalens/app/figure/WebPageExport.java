package org.mtalens.app.figure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.ModelSession;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.export.ExportTarget;
import org.mtalens.runtime.html.HtmlExport;
import org.mtalens.runtime.html.PageHeader;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.run.ModelInput;

/**
 * <i>File &gt; Export as web page</i>: the run shown as one self-contained web page (what {@code mta-lens html}
 * writes), every layer replayed from the window's trace in turn, in the background with progress and Cancel.
 */
public final class WebPageExport {
    private WebPageExport() {
    }

    /**
     * Writes the page of every layer of the run shown to {@code file}, maps pooled to
     * {@link HtmlExport#DEFAULT_MAX_CELLS} cells a side; {@code done} is told the page's header once it is written.
     *
     * @throws InvalidInputException at once when there is no run or the file cannot be written
     */
    public static void export(MainViewModel vm, Path file, java.util.function.Consumer<PageHeader> done) {
        ModelSession session = vm.sessionProperty().get();
        Trace trace = vm.traceProperty().get();
        if (session == null || trace == null) {
            throw new InvalidInputException("no run to export: open a checkpoint and run an input first");
        }
        ExportTarget.check(file);
        ModelInput input = new ModelInput(trace.tokens(), vm.tokensProperty().get());
        List<Integer> layers = IntStream.range(0, trace.config().nLayers()).boxed().toList();
        vm.background("web-page", "Writing the web page " + file.getFileName() + " ...", progress -> {
            try {
                return HtmlExport.write(session.runner(), trace, input, layers, HtmlExport.DEFAULT_MAX_CELLS, file,
                        progress.cancelledCheck(), share -> progress.layersDone((int) Math.round(share * layers.size()),
                                layers.size()));
            } catch (IOException e) {
                throw ExportTarget.failed(file, e);
            }
        }, done);
    }
}
