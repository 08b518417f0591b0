package org.mtalens.runtime.html;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.mtalens.runtime.export.AtomicFiles;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.PassProgress;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.TraceRequest;
import org.mtalens.runtime.run.ModelInput;

/**
 * Runs an input and writes its self-contained web page ({@code mta-lens html}, <i>File &gt; Export as web page</i>).
 * Each layer's maps come from a pass capturing that layer alone and go straight into the page, so at most one
 * layer's maps are held at a time.
 */
public final class HtmlExport {
    /** The most cells per side of a map on the page unless asked otherwise. */
    public static final int DEFAULT_MAX_CELLS = 256;

    private HtmlExport() {
    }

    /**
     * Writes the page of {@code layers} to {@code out} atomically (a reader sees the old file or the whole new one).
     *
     * @param cancelled checked before every layer (and by the runner inside a pass)
     * @param progress  told the share of layers written, 0..1
     * @return the page's header (its layers, tokens and pooling)
     * @throws CancellationException when cancelled; {@code out} is then left as it was
     */
    public static PageHeader write(ModelRunner runner, ModelInput input, List<Integer> layers, int maxCells, Path out,
                                   BooleanSupplier cancelled, DoubleConsumer progress) throws IOException {
        ModelRunner.validate(runner.checkpoint().config(), input.ids());
        CaptureSelection.of(Set.copyOf(layers), null, null).validateFor(runner.checkpoint().config());
        Trace trace = runner.trace(TraceRequest.of(input.ids()), PassProgress.cancelledBy(cancelled));
        return write(runner, trace, input, layers, maxCells, out, cancelled, progress);
    }

    /**
     * As {@link #write(ModelRunner, ModelInput, List, int, Path, BooleanSupplier, DoubleConsumer)} for a run already
     * traced (the app's): each layer is replayed from {@code trace}, written, and dropped before the next.
     */
    public static PageHeader write(ModelRunner runner, Trace trace, ModelInput input, List<Integer> layers, int maxCells,
                                   Path out, BooleanSupplier cancelled, DoubleConsumer progress) throws IOException {
        CaptureSelection.of(Set.copyOf(layers), null, null).validateFor(runner.checkpoint().config());
        PageHeader header = PageHeader.of(runner.checkpoint(), input, runner.device(), layers, maxCells);
        AtomicFiles.write(out, stream -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            HtmlPageWriter page = new HtmlPageWriter(writer, header, runner.checkpoint());
            for (int i = 0; i < layers.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("the web page export was cancelled");
                }
                page.layer(layers.get(i), trace.maps(layers.get(i), MapQuery.all(), cancelled).maps());
                progress.accept((i + 1.0) / layers.size());
            }
            page.finish();
        });
        return header;
    }
}
