package org.mtalens.app.main;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mtalens.app.main.MainView;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.SessionLoader;

/**
 * The JavaFX application: one main window titled "MTA Lens". It opens the checkpoint named on the
 * command line, else the bundled sample, and runs an example input at once.
 */
public final class MtaLensApplication extends Application {
    public static final String TITLE = "MTA Lens";

    private final ExecutorService inference = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mta-lens-inference");
        thread.setDaemon(true);
        return thread;
    });
    private MainViewModel viewModel;
    private MainView view;
    private org.mtalens.app.compare.ComparisonViewModel comparison;

    /**
     * Leaves one core to the user interface: PyTorch's CPU work uses the others (all of them on a
     * 1-core machine). An explicit {@code -Dai.djl.pytorch.num_threads} wins.
     */
    static void reserveACoreForTheWindow() {
        if (System.getProperty(TORCH_THREADS) == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            System.setProperty(TORCH_THREADS, Integer.toString(Math.max(1, cores - 1)));
        }
    }

    private static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

    @Override
    public void init() {
        reserveACoreForTheWindow();
    }

    @Override
    public void start(Stage stage) {
        viewModel = new MainViewModel(SessionLoader.runtime(), inference, Platform::runLater);
        comparison = new org.mtalens.app.compare.ComparisonViewModel(viewModel, SessionLoader.runtime());
        view = new MainView(viewModel, comparison);
        stage.setTitle(TITLE);
        stage.setScene(new Scene(view.root(), 1440, 900));
        viewModel.sessionProperty().addListener((o, a, session) ->
                stage.setTitle(session == null ? TITLE : session.name() + " — " + TITLE));
        stage.show();
        initialCheckpoint(getParameters().getRaw()).ifPresent(view::open);
    }

    /** @return the view model (tests drive the window through it) */
    public MainViewModel viewModel() {
        return viewModel;
    }

    /** @return the main view */
    /** @return what the main run is compared with (another checkpoint, or an ablation) */
    public org.mtalens.app.compare.ComparisonViewModel comparison() {
        return comparison;
    }

    public MainView view() {
        return view;
    }

    private static java.util.Optional<Path> initialCheckpoint(List<String> arguments) {
        if (!arguments.isEmpty()) {
            return java.util.Optional.of(Path.of(arguments.get(0)));
        }
        return BundledSample.path();
    }

    @Override
    public void stop() {
        inference.shutdownNow();
    }
}
