package org.mtalens.app.corpus;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mtalens.runtime.corpus.CorpusSummary;

/** Opens the corpus statistics window on a {@code summary.json} written by {@code mta-lens corpus}. */
public final class CorpusStatisticsWindow {
    private CorpusStatisticsWindow() {
    }

    /** Asks for a {@code summary.json}, then opens the window on it; does nothing when the user cancels. */
    public static void chooseAndOpen(Window owner, CellOpener opener) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Corpus statistics (summary.json in mta-lens corpus's --out folder)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("corpus summary", CorpusSummary.FILE, "*.json"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            open(owner, file.toPath(), opener);
        }
    }

    /** @return the shown window, reading {@code summary} in the background */
    public static Stage open(Window owner, Path summary, CellOpener opener) {
        CorpusStatisticsViewModel vm = new CorpusStatisticsViewModel(ForkJoinPool.commonPool(), Platform::runLater, opener);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Corpus statistics · " + summary.toAbsolutePath().getParent().getFileName());
        stage.setScene(new Scene(new CorpusStatisticsView(vm), 1000, 760));
        stage.show();
        vm.open(summary);
        return stage;
    }
}
