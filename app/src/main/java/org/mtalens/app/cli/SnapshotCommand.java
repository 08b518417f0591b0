package org.mtalens.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.mtalens.app.main.BundledSample;
import org.mtalens.app.main.MainView;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.SessionLoader;
import java.util.List;
import java.util.stream.IntStream;
import javafx.stage.Window;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.CheckpointLayout;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.ModelChoices;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.export.ExportTarget;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.run.RunWarnings;
import org.mtalens.runtime.tokenizer.RawTokenIds;
import org.mtalens.viz.export.PngExport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens snapshot}: renders the real main window in a given state to a PNG, without a
 * display (JavaFX's headless Monocle platform), for docs, bug reports and tests; beside the PNG, {@code FILE.json}
 * describes it (checkpoint, tokens, selection, and each map drawn with its colour scale).
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render the main window on an input to a PNG, headless;",
                "or, with --format svg|pdf, one view as a vector figure for a paper (--figure)."})
public final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

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

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the PNG to write (or the SVG or PDF"
            + " with --format)")
    Path out;

    @Mixin
    FigureSnapshot figure = new FigureSnapshot();

    @Mixin
    WindowChoices window = new WindowChoices();

    @Option(names = "--allow-longer", description = "run --tokens longer than the checkpoint's max_seqlen (with a warning:"
            + " RoPE has no hard limit, but the model never saw those positions)")
    boolean allowLonger;

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
        ExportTarget.check(out);
        figure.check(out);
        if (view.grid != null && window.tab == null) {
            window.tab = "grid";
        }
        window.check(tokens);
        if (path == null) {
            path = BundledSample.path().orElseThrow(() -> new InvalidInputException("no checkpoint given and no bundled sample here"));
        }
        checkArguments();
        HeadlessFx.start(width, height);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                render();
                done.complete(null);
            } catch (Throwable e) {
                closeWindows(); // an error dialog still painting when the JVM exits makes JavaFX print a RejectedExecutionException
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(); // no time limit: a long input on a small machine takes what it takes (Ctrl-C stops it)
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return 0;
    }

    /**
     * What can be checked from the config alone, before JavaFX starts: the layer, head and stage names, the
     * grid's stage, and the typed tokens (vocabulary, max_seqlen unless --allow-longer).
     */
    private void checkArguments() {
        ModelConfig config = CheckpointLoader.readConfig(CheckpointLayout.locate(path));
        if (layer != null) {
            ModelChoices.layer(config, layer, "--layer");
        }
        ModelChoices.head(config, head, "--head");
        if (view.stage != null) {
            ModelChoices.stage(view.stage, "--stage");
        }
        if (view.grid != null) {
            ModelChoices.requireStageInSome(config, IntStream.range(0, config.nLayers()).boxed().toList(),
                    ModelChoices.stage(view.grid, "--grid"), "--grid");
        }
        if (tokens != null) {
            int[] ids = RawTokenIds.parse(tokens, config.vocabSize());
            ModelRunner.validate(config, ids, allowLonger);
            if (ids.length > config.maxSeqlen()) {
                spec.commandLine().getErr().println("mta-lens: warning: "
                        + RunWarnings.beyondMaxSeqlen(ids.length - 1, config.maxSeqlen()));
            }
        }
    }

    private static void closeWindows() {
        for (Window window : List.copyOf(Window.getWindows())) {
            window.hide();
        }
    }

    private void render() throws Exception {
        MainViewModel vm = new MainViewModel(SessionLoader.runtime(), Runnable::run, Runnable::run);
        vm.allowLongerInputs(allowLonger);
        var comparison = new org.mtalens.app.compare.ComparisonViewModel(vm, SessionLoader.runtime());
        MainView mainView = new MainView(vm, comparison);
        Scene scene = new Scene(mainView.root(), width, height);
        vm.open(path);
        if (vm.errorProperty().get() != null) {
            throw new InvalidInputException(vm.errorProperty().get().message());
        }
        if (tokens != null) {
            selectLayerAndHead(vm); // before the run, so the pass captures the maps shown and none are replayed after it
            vm.inputProperty().set(tokens);
            vm.run();
            if (vm.errorProperty().get() != null) {
                throw new InvalidInputException(vm.errorProperty().get().message());
            }
        }
        window.runText(vm);
        select(vm, mainView);
        window.apply(vm, comparison, mainView);
        if (view.grid != null) {
            mainView.showGrid(ModelChoices.stage(view.grid, "--grid"));
        }
        if (figure.vectorFormat(out).isPresent()) {
            figure.write(vm, view.grid, out, spec.commandLine().getOut());
            return;
        }
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        if (mainView.centre().getSelectionModel().getSelectedIndex() == 2) {
            HeadlessFx.waitUntil(() -> mainView.gridReady());
        }
        mainView.focusSelectedStage(window.zoom);
        scene.getRoot().layout();
        HeadlessFx.settle(5);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        java.awt.image.BufferedImage image = PngExport.snapshot(scene.getRoot(), 1.0);
        ExportTarget.write(out, stream -> javax.imageio.ImageIO.write(image, "png", stream));
        SnapshotDescription.write(SnapshotDescription.beside(out), vm, window.tabName(),
                mainView.centre().getSelectionModel().getSelectedItem().getContent(), mainView.gridStage().id(),
                window.zoom);
    }

    private void selectLayerAndHead(MainViewModel vm) {
        var config = vm.sessionProperty().get().checkpoint().config();
        if (layer != null) {
            vm.layerProperty().set(ModelChoices.layer(config, layer, "--layer"));
        }
        vm.headProperty().set(ModelChoices.head(config, head, "--head"));
    }

    private void select(MainViewModel vm, MainView mainView) {
        var config = vm.sessionProperty().get().checkpoint().config();
        selectLayerAndHead(vm);
        if (view.stage != null) {
            Stage stage = ModelChoices.stage(view.stage, "--stage");
            ModelChoices.requireStage(config, vm.layerProperty().get(), stage, "--stage");
            vm.stageProperty().set(stage);
        }
    }
}
