package org.mtalens.app.series;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the "Kernels across checkpoints" window on a run folder whose sub-folders are the checkpoints. */
public final class KernelSeriesWindow {
    private KernelSeriesWindow() {
    }

    /** Asks for a run folder, then opens the window on it; does nothing when the user cancels. */
    public static void chooseAndOpen(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Run folder (one sub-folder per checkpoint, e.g. step-000200)");
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            open(owner, folder.toPath());
        }
    }

    /** @return the shown window, loading the series of {@code run} in the background */
    public static Stage open(Window owner, Path run) {
        KernelSeriesViewModel vm = new KernelSeriesViewModel(ForkJoinPool.commonPool(), Platform::runLater);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Kernels across checkpoints · " + run.getFileName());
        stage.setScene(new Scene(new KernelSeriesView(vm), 960, 640));
        stage.show();
        vm.openRunFolder(run);
        return stage;
    }
}
