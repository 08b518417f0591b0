package org.mtalens.app.main;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mtalens.app.work.ErrorReport;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.ablation.AblationView;
import org.mtalens.app.ablation.AblationViewModel;
import org.mtalens.app.compare.CompareView;
import org.mtalens.app.compare.ComparisonViewModel;
import org.mtalens.app.change.MtaChangeView;
import org.mtalens.app.change.MtaChangeViewModel;
import org.mtalens.app.edit.KernelEditor;
import org.mtalens.app.tour.Tour;
import org.mtalens.app.present.PresentationMode;
import org.mtalens.app.series.KernelSeriesWindow;
import org.mtalens.app.session.ModelSession;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.export.KernelExport;
import org.mtalens.runtime.export.TraceExport;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.Trace;
import org.mtalens.viz.export.PngExport;

/**
 * The main window: menus and input on top, the model outline on the left, the maps in the centre
 * (pipeline, before/after, model grid, checkpoint info), the inspector on the right, status below.
 * Binds to a {@link MainViewModel}; starts no threads.
 */
public final class MainView {
    /** Cells across a map after a jump to one of them from the reading panel. */
    static final int JUMP_CELLS = 16;
    private final MainViewModel vm;
    private final ComparisonViewModel comparison;
    private final BorderPane root = new BorderPane();
    private final TabPane centre = new TabPane();
    private final PipelineView pipeline;
    private final GridTabView grid;
    private final RecentFiles recent = new RecentFiles(Preferences.userRoot().node("org/mtalens/app"));
    private final Menu recentMenu = new Menu("Open recent");
    private final KernelEditor editor;
    private final Tour tour;
    private final PresentationMode presentation;

    public MainView(MainViewModel vm, ComparisonViewModel comparison) {
        this.vm = vm;
        this.comparison = comparison;
        this.editor = new KernelEditor(vm, this::window);
        this.tour = new Tour(vm, comparison, this::open, centre.getSelectionModel()::select, this::window);
        root.setId("main-window");
        this.presentation = new PresentationMode(root, vm);
        root.getStylesheets().add(MainView.class.getResource("main.css").toExternalForm());
        Tab pipelineTab = tab("Pipeline", "tab-pipeline");
        Tab pairTab = tab("Before / after", "tab-pair");
        Tab gridTab = tab("Model grid", "tab-grid");
        Tab compareTab = tab("Compare", "tab-compare");
        Tab ablationTab = tab("Ablation", "tab-ablation");
        Tab changeTab = tab("MTA change", "tab-change");
        Tab infoTab = tab("Checkpoint", "tab-info");
        pipeline = new PipelineView(vm, pipelineTab.selectedProperty());
        grid = new GridTabView(vm, gridTab.selectedProperty());
        org.mtalens.app.reading.ReadingView reading = new org.mtalens.app.reading.ReadingView(
                new org.mtalens.app.reading.ReadingViewModel(vm), pipelineTab.selectedProperty());
        reading.setOnJump(() -> pipeline.focusSelectedStage(jumpZoom())); // a clicked key: its cell zoomed into view
        pipelineTab.setContent(mapsAboveReading(pipeline.node(), reading.node()));
        pairTab.setContent(new StagePairView(vm, pairTab.selectedProperty()).node());
        gridTab.setContent(grid.node());
        compareTab.setContent(new CompareView(comparison, compareTab.selectedProperty()).node());
        ablationTab.setContent(new AblationView(new AblationViewModel(comparison), ablationTab.selectedProperty()).node());
        changeTab.setContent(new MtaChangeView(new MtaChangeViewModel(vm), changeTab.selectedProperty()).node());
        infoTab.setContent(new CheckpointInfoView(vm).node());
        centre.getTabs().addAll(pipelineTab, pairTab, gridTab, compareTab, ablationTab, changeTab, infoTab);
        grid.setOnPick(() -> centre.getSelectionModel().select(0));
        InputBar input = new InputBar(vm);
        root.setTop(new VBox(menus(), input.node()));
        root.setLeft(new OutlineView(vm).node());
        javafx.scene.control.SplitPane work = mapsBesideInspector(editor.above(new InspectorView(vm).node()));
        root.setBottom(new StatusBar(vm).node());
        root.setCenter(emptyState());
        vm.sessionProperty().addListener((o, a, session) -> root.setCenter(session == null ? emptyState() : work));
        vm.errorProperty().addListener((o, a, report) -> showError(report));
        acceptDroppedCheckpoints();
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::navigate);
    }

    public Parent root() {
        return root;
    }

    /** @return the centre's tabs (pipeline, before/after, model grid, compare, ablation, MTA change, checkpoint) */
    public TabPane centre() {
        return centre;
    }

    /** Opens a checkpoint and remembers it in the recent list. */
    public void open(Path path) {
        recent.remember(path);
        vm.open(path);
    }

    /** @return how far a jump to a cell zooms its map: about {@value #JUMP_CELLS} cells across, never below fitted */
    private double jumpZoom() {
        var trace = vm.traceProperty().get();
        return trace == null ? 1 : Math.max(1, trace.length() / (double) JUMP_CELLS);
    }

    /** The pipeline's maps above the selected query's reading panel (its line chart, top keys and shaded text). */
    private static javafx.scene.control.SplitPane mapsAboveReading(Node maps, Node reading) {
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(maps, reading);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        javafx.beans.value.ChangeListener<Number> firstHeight = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number before, Number height) {
                double h = height.doubleValue();
                if (h > 300) { // laid out in the window: the reading panel gets a fifth of the height, 150 to 240 px
                    split.heightProperty().removeListener(this);
                    split.setDividerPositions(1 - Math.max(150, Math.min(240, h / 5)) / h);
                }
            }
        };
        split.heightProperty().addListener(firstHeight);
        return split;
    }

    /**
     * The tabs and the inspector side by side. The inspector starts at a third of the width (300 to 460 pixels) and
     * keeps its width as the window grows (the maps take the rest); the user drags the divider.
     */
    private javafx.scene.control.SplitPane mapsBesideInspector(Node inspector) {
        javafx.scene.control.SplitPane work = new javafx.scene.control.SplitPane(centre, inspector);
        work.setId("work-area");
        javafx.scene.control.SplitPane.setResizableWithParent(inspector, false);
        javafx.beans.value.ChangeListener<Number> firstWidth = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number before, Number width) {
                double w = width.doubleValue();
                if (w > 0) {
                    work.widthProperty().removeListener(this);
                    work.setDividerPositions(1 - Math.max(300, Math.min(460, w / 3)) / w);
                }
            }
        };
        work.widthProperty().addListener(firstWidth);
        return work;
    }

    private static Tab tab(String title, String id) {
        Tab tab = new Tab(title);
        tab.setClosable(false);
        tab.setId(id);
        return tab;
    }

    private static VBox emptyState() {
        Label title = new Label("No checkpoint open");
        title.getStyleClass().add("empty-title");
        Label hint = new Label("Open an MTA checkpoint (File > Open, or drop a folder here): a folder with "
                + "consolidated/consolidated.pth or model.safetensors.\nYou will see every layer's and head's attention maps "
                + "before and after MTA's convolutions and head mixing.");
        hint.setWrapText(true);
        VBox box = new VBox(12, title, hint);
        box.setId("empty-state");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private MenuBar menus() {
        MenuItem openFolder = item("Open checkpoint folder...", "Shortcut+O", e -> chooseFolder());
        MenuItem openFile = item("Open weights file...", "Shortcut+Shift+O", e -> chooseFile());
        recentMenu.setOnShowing(e -> fillRecent());
        recentMenu.getItems().add(new MenuItem("(none)"));
        MenuItem png = item("Export view as PNG...", "Shortcut+E", e -> chooseExport("PNG image", "*.png").ifPresent(file ->
                exportNow(file, target -> PngExport.write(centre.getSelectionModel().getSelectedItem().getContent(), 2.0, target))));
        MenuItem npz = item("Export maps as npz...", null, e -> chooseExport("numpy archive", "*.npz").ifPresent(this::exportNpz));
        MenuItem kernels = item("Export kernels as JSON...", null, e -> chooseExport("JSON", "*.json").ifPresent(file ->
                exportInBackground(file, "the kernels", target -> KernelExport.writeJson(vm.sessionProperty().get().checkpoint(), target))));
        MenuItem compare = item("Compare with checkpoint...", null, e -> {
            File folder = new DirectoryChooser().showDialog(window());
            if (folder != null) {
                comparison.openComparison(folder.toPath());
                centre.getSelectionModel().select(3);
            }
        });
        MenuItem series = item("Open checkpoint series...", null, e -> KernelSeriesWindow.chooseAndOpen(window()));
        MenuItem corpus = item("Open corpus statistics...", null, e -> org.mtalens.app.corpus.CorpusStatisticsWindow.chooseAndOpen(
                window(), new org.mtalens.app.corpus.MainWindowCells(vm)));
        MenuItem tokenizer = item("Choose tokenizer file...", null, e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("tokenizers", "tokenizer.json", "*.json", "*.model"));
            File chosen = chooser.showOpenDialog(window());
            if (chosen != null) {
                vm.useTokenizer(chosen.toPath());
            }
        });
        FigureMenu figures = new FigureMenu(vm, this::window, () -> grid.stageChoice().getValue(), this::confirmOverwrite,
                this::showError);
        Menu file = new Menu("File", null, openFolder, openFile, recentMenu, series, corpus, compare, tokenizer, png,
                figures.figures(), figures.webPage(), npz, kernels, editor.saveMenuItem());
        Menu view = new Menu("View");
        String[] tabs = {"Pipeline", "Before / after", "Model grid", "Compare", "Ablation", "MTA change", "Checkpoint"};
        for (int i = 0; i < tabs.length; i++) {
            int index = i;
            view.getItems().add(item(tabs[i], "Shortcut+" + (i + 1), e -> centre.getSelectionModel().select(index)));
        }
        view.getItems().addAll(new SeparatorMenuItem(), presentation.menuItem());
        javafx.scene.control.CheckMenuItem longer = new javafx.scene.control.CheckMenuItem("Allow inputs longer than max_seqlen");
        longer.setOnAction(e -> vm.allowLongerInputs(longer.isSelected()));
        return new MenuBar(file, view, new Menu("Run", null, longer), tour.helpMenu());
    }

    private static MenuItem item(String text, String accelerator, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(action);
        return item;
    }

    private void fillRecent() {
        List<Path> paths = recent.list();
        recentMenu.getItems().clear();
        for (Path path : paths) {
            MenuItem item = new MenuItem(path.toString());
            item.setOnAction(e -> open(path));
            recentMenu.getItems().add(item);
        }
        if (paths.isEmpty()) {
            recentMenu.getItems().add(new MenuItem("(none)"));
        }
    }

    private void chooseFolder() {
        File folder = new DirectoryChooser().showDialog(window());
        if (folder != null) {
            open(folder.toPath());
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("checkpoints", "*.pth", "*.safetensors"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            open(file.toPath());
        }
    }

    /** @return the file the user chose to export to (asking before replacing one), if any */
    private java.util.Optional<Path> chooseExport(String description, String pattern) {
        if (vm.sessionProperty().get() == null || vm.traceProperty().get() == null) {
            return java.util.Optional.empty();
        }
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File chosen = chooser.showSaveDialog(window());
        if (chosen == null || !new ExportGuard(this::confirmOverwrite).mayWrite(chosen.toPath())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(chosen.toPath());
    }

    /** Writes a picture of the view now (it must be drawn on the FX thread; a PNG of one view takes a frame or two). */
    private void exportNow(Path file, ExportGuard.Writer writer) {
        try {
            writer.write(file);
        } catch (IOException | RuntimeException e) {
            showError(new ErrorReport("Could not export", file + ": " + e.getMessage(), ""));
        }
    }

    /** The maps of the layer shown, every stage and head, replayed from the trace and written in the background. */
    public void exportNpz(Path file) {
        Trace trace = vm.traceProperty().get();
        int layer = vm.layerProperty().get();
        CaptureSelection selection = CaptureSelection.of(java.util.Set.of(layer), null, null);
        exportInBackground(file, "layer " + layer + "'s maps", target -> TraceExport.write(trace, selection, true, target));
    }

    private void exportInBackground(Path file, String what, ExportGuard.Writer writer) {
        vm.background("export", "Exporting " + what + " to " + file.getFileName() + " ...", progress -> {
            try {
                writer.write(file);
                return file;
            } catch (IOException e) {
                throw new org.mtalens.runtime.InvalidInputException(file + ": " + e.getMessage(), e);
            }
        }, written -> { });
    }

    /** Asks whether to replace an existing file. */
    private boolean confirmOverwrite(Path file) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, file + " exists. Replace it?", ButtonType.YES, ButtonType.NO);
        ask.setHeaderText("Replace the existing file?");
        return ask.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }

    private void showError(ErrorReport report) {
        if (report == null) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, report.message(), ButtonType.OK);
        alert.setTitle("MTA Lens");
        alert.setHeaderText(report.title());
        if (!report.details().isEmpty()) {
            TextArea details = new TextArea(report.details());
            details.setEditable(false);
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.getDialogPane().setId("error-dialog");
        alert.setOnHidden(e -> vm.clearError());
        alert.show();
    }

    private void acceptDroppedCheckpoints() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                open(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Alt+Up/Down: layer; Alt+Left/Right: head; Alt+PageUp/PageDown: stage. */
    private void navigate(KeyEvent e) {
        ModelSession session = vm.sessionProperty().get();
        if (session == null || !e.isAltDown()) {
            return;
        }
        var config = session.checkpoint().config();
        switch (e.getCode()) {
            case UP -> vm.layerProperty().set(Math.max(0, vm.layerProperty().get() - 1));
            case DOWN -> vm.layerProperty().set(Math.min(config.nLayers() - 1, vm.layerProperty().get() + 1));
            case LEFT -> vm.headProperty().set(Math.max(0, vm.headProperty().get() - 1));
            case RIGHT -> vm.headProperty().set(Math.min(config.nHeads() - 1, vm.headProperty().get() + 1));
            case PAGE_UP, PAGE_DOWN -> stepStage(e.getCode() == KeyCode.PAGE_DOWN ? 1 : -1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void stepStage(int step) {
        vm.selectedLayerPlan().ifPresent(plan -> {
            List<Stage> stages = plan.stages();
            int at = Math.max(0, stages.indexOf(vm.stageProperty().get()));
            vm.stageProperty().set(stages.get(Math.floorMod(at + step, stages.size())));
        });
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Shows the model grid of {@code stage}. */
    public void showGrid(Stage stage) {
        grid.stageChoice().setValue(stage);
        centre.getSelectionModel().select(2);
    }

    /** @return true when every thumbnail of the model grid has been drawn */
    public boolean gridReady() {
        ModelSession session = vm.sessionProperty().get();
        if (session == null) {
            return false;
        }
        var config = session.checkpoint().config();
        return grid.grid().readyProperty().get() >= config.nLayers() * config.nHeads();
    }

    /** @return presentation mode (View > Presentation mode, F11) */
    public PresentationMode presentation() {
        return presentation;
    }

    /** @return the guided tours */
    public Tour tour() {
        return tour;
    }

    /** @return the kernel editor ("what if") */
    public KernelEditor editor() {
        return editor;
    }

    /** Scrolls the pipeline to the selected stage's map and zooms that map {@code zoom} times (about the selected cell). */
    public void focusSelectedStage(double zoom) {
        pipeline.focusSelectedStage(zoom);
    }

    /** @return the stage the model grid shows */
    public Stage gridStage() {
        return grid.stageChoice().getValue();
    }

    /** @return the pipeline view, for tests */
    PipelineView pipeline() {
        return pipeline;
    }

    /** @return the model-grid tab, for tests */
    GridTabView grid() {
        return grid;
    }
}
