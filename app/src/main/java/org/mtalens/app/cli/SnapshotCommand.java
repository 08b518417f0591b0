package org.mtalens.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.mtalens.app.BundledSample;
import org.mtalens.app.main.MainView;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.SessionLoader;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.Stage;
import org.mtalens.viz.export.PngExport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mta-lens snapshot}: renders the real main window in a given state to a PNG, without a
 * display (JavaFX's headless Monocle platform), for docs, bug reports and tests.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Render the main window on an input to a PNG, headless.")
public final class SnapshotCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "checkpoint folder, its consolidated/ folder, or the weights file (default: the bundled sample)")
    Path path;

    @Option(names = "--tokens", paramLabel = "IDS", description = "raw token ids (default: the checkpoint's example input)")
    String tokens;

    @Option(names = "--layer", paramLabel = "L", description = "layer to show (default: the first MTA layer)")
    Integer layer;

    @Option(names = "--head", paramLabel = "H", defaultValue = "0", description = "head to show")
    int head;

    @ArgGroup(exclusive = true)
    View view = new View();

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "the PNG to write")
    Path out;

    @Option(names = "--width", defaultValue = "1440", description = "window width in pixels")
    int width;

    @Option(names = "--height", defaultValue = "900", description = "window height in pixels")
    int height;

    /** Which centre view: the pipeline (optionally with a stage selected) or the model grid of a stage. */
    static final class View {
        @Option(names = "--stage", paramLabel = "S", description = "select this stage in the pipeline")
        String stage;

        @Option(names = "--pipeline", description = "show the pipeline of the layer and head (default)")
        boolean pipeline;

        @Option(names = "--grid", paramLabel = "S", description = "show the model grid of stage S")
        String grid;
    }

    @Override
    public Integer call() throws Exception {
        if (width < 200 || height < 200 || width > 8192 || height > 8192) {
            throw new InvalidInputException("--width and --height must be 200..8192");
        }
        HeadlessFx.start(width, height);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                render();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(10, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return 0;
    }

    private void render() throws Exception {
        MainViewModel vm = new MainViewModel(SessionLoader.runtime(), Runnable::run, Runnable::run);
        MainView mainView = new MainView(vm, new org.mtalens.app.compare.ComparisonViewModel(vm, SessionLoader.runtime()));
        Scene scene = new Scene(mainView.root(), width, height);
        vm.open(path != null ? path : BundledSample.path().orElseThrow());
        if (vm.errorProperty().get() != null) {
            throw new InvalidInputException(vm.errorProperty().get().message());
        }
        if (tokens != null) {
            vm.inputProperty().set(tokens);
            vm.run();
            if (vm.errorProperty().get() != null) {
                throw new InvalidInputException(vm.errorProperty().get().message());
            }
        }
        select(vm, mainView);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        if (view.grid != null) {
            HeadlessFx.waitUntil(() -> mainView.gridReady());
        }
        PngExport.write(scene.getRoot(), 1.0, out);
    }

    private void select(MainViewModel vm, MainView mainView) {
        var config = vm.sessionProperty().get().checkpoint().config();
        if (layer != null) {
            if (layer < 0 || layer >= config.nLayers()) {
                throw new InvalidInputException("--layer " + layer + ": the model has layers 0.." + (config.nLayers() - 1));
            }
            vm.layerProperty().set(layer);
        }
        if (head < 0 || head >= config.nHeads()) {
            throw new InvalidInputException("--head " + head + ": the model has heads 0.." + (config.nHeads() - 1));
        }
        vm.headProperty().set(head);
        if (view.stage != null) {
            vm.stageProperty().set(Stage.fromId(view.stage));
        }
        if (view.grid != null) {
            mainView.showGrid(Stage.fromId(view.grid));
        }
    }
}
