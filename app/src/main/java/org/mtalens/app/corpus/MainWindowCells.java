package org.mtalens.app.corpus;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.ModelSession;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.corpus.CorpusSummary;
import org.mtalens.runtime.corpus.TopCell;
import org.mtalens.samples.SampleCheckpoints;

/**
 * Opens top cells in the main window: runs the document's tokens on the open checkpoint, or first opens the
 * summary's checkpoint when another one (or none) is open, then selects the cell's layer, head and cell at
 * {@code final}.
 */
public final class MainWindowCells implements CellOpener {
    private final MainViewModel vm;

    public MainWindowCells(MainViewModel vm) {
        this.vm = vm;
    }

    @Override
    public void open(String checkpoint, CorpusSummary.CellDocument document, TopCell cell) {
        Path folder = folder(checkpoint);
        ModelSession open = vm.sessionProperty().get();
        if (open != null && isIn(open, folder)) {
            show(document, cell);
            return;
        }
        ChangeListener<ModelSession> opened = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ModelSession> o, ModelSession before, ModelSession now) {
                vm.sessionProperty().removeListener(this);
                if (now != null) {
                    Platform.runLater(() -> show(document, cell)); // after the opening's own first run is submitted
                }
            }
        };
        vm.sessionProperty().addListener(opened);
        vm.open(folder);
    }

    private void show(CorpusSummary.CellDocument document, TopCell cell) {
        vm.inputIsTextProperty().set(false);
        vm.inputProperty().set(Arrays.stream(document.tokens()).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        vm.layerProperty().set(cell.layer());
        vm.headProperty().set(cell.head());
        vm.stageProperty().set(Stage.FINAL);
        vm.cellProperty().set(new MainViewModel.SelectedCell(cell.query(), cell.key()));
        vm.run();
    }

    static Path folder(String checkpoint) {
        return "sample".equals(checkpoint) ? SampleCheckpoints.findBlockMta() : Path.of(checkpoint);
    }

    private static boolean isIn(ModelSession session, Path folder) {
        Path source = session.checkpoint().source().toAbsolutePath().normalize();
        Path wanted = folder.toAbsolutePath().normalize();
        return source.equals(wanted) || source.startsWith(wanted);
    }
}
