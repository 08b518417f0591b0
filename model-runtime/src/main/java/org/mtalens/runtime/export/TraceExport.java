package org.mtalens.runtime.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.LayerMaps;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.Trace;

/**
 * Writes a trace to an npz, streaming: {@code tokens}, {@code logits} (every position a few rows at a time, or
 * the last position only), then each selected layer replayed and written stage by stage, head by head, before
 * the next layer is replayed. Memory: one layer's selected maps. The names are the reference fixtures'.
 */
public final class TraceExport {
    /** Logit rows computed per piece: 64 x 128,256 x 4 bytes = 33 MB. */
    private static final int LOGIT_ROWS = 64;

    private TraceExport() {
    }

    /** An array the export wrote: its name and shape. */
    public record Entry(String name, long[] shape) {
    }

    /** As {@link #write(Trace, CaptureSelection, boolean, ExportProvenance, Path)} without provenance. */
    public static List<Entry> write(Trace trace, CaptureSelection selection, boolean allLogits, Path file) throws IOException {
        return write(trace, selection, allLogits, null, file);
    }

    /**
     * @param allLogits  true: {@code logits} [T, V] of every position; false: {@code logits} [1, V] of the last
     *                   position and {@code logit_positions} [1]
     * @param provenance the {@code heads} array and {@code meta.json} to add, or null
     * @return the arrays written, in order
     * @throws org.mtalens.runtime.InvalidInputException naming the file when it cannot be written (the old one stays)
     */
    public static List<Entry> write(Trace trace, CaptureSelection selection, boolean allLogits, ExportProvenance provenance,
                                    Path file) {
        List<Entry> written = new ArrayList<>();
        ExportTarget.write(file, out -> {
            try (NpzWriter npz = new NpzWriter(out)) {
                writeTokensAndLogits(trace, allLogits, npz, written);
                for (LayerPlan plan : trace.config().layerPlans()) {
                    if (selection.layers().map(l -> l.contains(plan.layer())).orElse(true)) {
                        writeLayer(trace, plan, selection, npz, written);
                    }
                }
                if (provenance != null) {
                    NpyArray heads = provenance.headsArray();
                    npz.write(heads);
                    written.add(new Entry(heads.name(), heads.shape()));
                    for (var file1 : provenance.files().entrySet()) {
                        npz.writeFile(file1.getKey(), file1.getValue());
                    }
                }
            }
        });
        return written;
    }

    private static void writeTokensAndLogits(Trace trace, boolean allLogits, NpzWriter npz, List<Entry> written)
            throws IOException {
        int t = trace.length();
        int vocab = trace.config().vocabSize();
        npz.write(NpyArray.ofLongs("tokens", Arrays.stream(trace.tokens()).asLongStream().toArray(), t));
        written.add(new Entry("tokens", new long[] {t}));
        if (allLogits) {
            long[] shape = {t, vocab};
            npz.writeFloats("logits", shape, out -> {
                for (int from = 0; from < t; from += LOGIT_ROWS) {
                    int to = Math.min(t, from + LOGIT_ROWS);
                    float[] rows = trace.logits(from, to);
                    out.write(rows, 0, rows.length);
                }
            });
            written.add(new Entry("logits", shape));
        } else {
            npz.write(NpyArray.ofFloats("logits", trace.logits(t - 1), 1, vocab));
            npz.write(NpyArray.ofLongs("logit_positions", new long[] {t - 1}, 1));
            written.add(new Entry("logits", new long[] {1, vocab}));
            written.add(new Entry("logit_positions", new long[] {1}));
        }
    }

    private static void writeLayer(Trace trace, LayerPlan plan, CaptureSelection selection, NpzWriter npz,
                                   List<Entry> written) throws IOException {
        Set<Stage> stages = selection.stages().orElse(Set.of());
        Set<Integer> heads = selection.heads().orElse(Set.of());
        List<Stage> present = plan.stages().stream().filter(s -> stages.isEmpty() || stages.contains(s)).toList();
        if (present.isEmpty()) {
            return;
        }
        LayerMaps maps = trace.maps(plan.layer(), new MapQuery(Set.copyOf(present), heads));
        ModelConfig config = trace.config();
        int t = trace.length();
        for (Stage stage : present) {
            List<AttentionMap> stageMaps = new ArrayList<>();
            for (int head = 0; head < config.nHeads(); head++) {
                maps.map(stage, head).ifPresent(stageMaps::add);
            }
            if (stageMaps.isEmpty()) {
                continue; // a stage the ablation switched off: the pass skipped it
            }
            String name = "layer" + plan.layer() + "/" + stage.id();
            long[] shape = {stageMaps.size(), t, t};
            npz.writeFloats(name, shape, out -> {
                for (AttentionMap map : stageMaps) {
                    float[] values = map.values();
                    out.write(values, 0, values.length);
                }
            });
            written.add(new Entry(name, shape));
        }
    }
}
