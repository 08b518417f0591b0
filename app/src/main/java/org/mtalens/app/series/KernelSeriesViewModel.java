package org.mtalens.app.series;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mtalens.app.adapt.VizAdapter;
import org.mtalens.runtime.analysis.KernelSeries;
import org.mtalens.runtime.analysis.KernelTrack;
import org.mtalens.runtime.analysis.SeriesFolders;
import org.mtalens.viz.Kernel;

/**
 * Kernels across checkpoints: loads a series of checkpoints of one run off the FX thread and exposes, read-only,
 * the series (one row per layer/kind/head), the selected row, and the selected row's kernel at every checkpoint
 * as viz kernels. A load that fails keeps the series shown before and reports the problem in {@link #errorProperty()}.
 */
public final class KernelSeriesViewModel {
    private final Executor background;
    private final Executor fxThread;
    private final ReadOnlyObjectWrapper<KernelSeries> series = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<KernelTrack> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Kernel>> selectedKernels = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a run folder or checkpoints.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int loads;

    /**
     * @param background where checkpoints are loaded (never the FX thread)
     * @param fxThread   where results are published (Platform::runLater in the app)
     */
    public KernelSeriesViewModel(Executor background, Executor fxThread) {
        this.background = background;
        this.fxThread = fxThread;
    }

    /** Loads the checkpoint sub-folders of a run folder (e.g. {@code train-toy --keep-every}'s), sorted by name. */
    public void openRunFolder(Path run) {
        load(run.toString(), () -> KernelSeries.load(SeriesFolders.checkpointsIn(run)));
    }

    /** Loads these checkpoints, in this order. */
    public void open(List<Path> checkpoints) {
        load(checkpoints.size() + " checkpoints", () -> KernelSeries.load(checkpoints));
    }

    /** Selects a row (null clears the selection). */
    public void select(KernelTrack track) {
        selected.set(track);
        selectedKernels.set(track == null ? List.of() : kernelsOf(track));
    }

    private void load(String what, java.util.function.Supplier<KernelSeries> loading) {
        int load = ++loads;
        busy.set(true);
        status.set("Loading " + what + "...");
        background.execute(() -> {
            try {
                KernelSeries loaded = loading.get();
                fxThread.execute(() -> publish(load, loaded, null));
            } catch (RuntimeException e) {
                fxThread.execute(() -> publish(load, null, e.getMessage()));
            }
        });
    }

    private void publish(int load, KernelSeries loaded, String problem) {
        if (load != loads) {
            return; // a later load is under way
        }
        busy.set(false);
        error.set(problem);
        if (loaded == null) {
            status.set("Could not load the series.");
            return;
        }
        series.set(loaded);
        status.set(loaded.labels().size() + " checkpoints, " + loaded.tracks().size() + " kernels");
        select(loaded.tracks().get(0));
    }

    private List<Kernel> kernelsOf(KernelTrack track) {
        List<String> labels = series.get().labels();
        return java.util.stream.IntStream.range(0, labels.size())
                .mapToObj(i -> VizAdapter.kernel(labels.get(i) + " · " + track.snapshots().get(i).pattern().id(),
                        track.snapshots().get(i).kernel()))
                .toList();
    }

    public ReadOnlyObjectProperty<KernelSeries> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KernelTrack> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected row's kernel at each checkpoint, titled "LABEL · pattern". */
    public ReadOnlyObjectProperty<List<Kernel>> selectedKernelsProperty() {
        return selectedKernels.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last load's problem in words, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
