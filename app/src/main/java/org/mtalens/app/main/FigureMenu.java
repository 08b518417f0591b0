package org.mtalens.app.main;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mtalens.app.figure.FigureExport;
import org.mtalens.app.figure.FigureKind;
import org.mtalens.app.figure.FigureRequest;
import org.mtalens.app.figure.WebPageExport;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.work.ErrorReport;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.Stage;
import org.mtalens.viz.figure.FigureFormat;

/**
 * The File menu's figure exports: <i>Export figure</i> (one item per view: the pipeline, the selected map, the
 * inspector's kernels and head mixing, the model grid, the MTA-change strip; SVG or PDF) and <i>Export as web
 * page...</i>. Asks for the file, then hands the work to the background; never writes on the FX thread.
 */
final class FigureMenu {
    private final MainViewModel vm;
    private final Supplier<Window> window;
    private final Supplier<Stage> gridStage;
    private final Predicate<Path> mayReplace;
    private final java.util.function.Consumer<ErrorReport> report;

    FigureMenu(MainViewModel vm, Supplier<Window> window, Supplier<Stage> gridStage, Predicate<Path> mayReplace,
               java.util.function.Consumer<ErrorReport> report) {
        this.vm = vm;
        this.window = window;
        this.gridStage = gridStage;
        this.mayReplace = mayReplace;
        this.report = report;
    }

    /** @return <i>Export figure</i>: a submenu with an item per view */
    Menu figures() {
        Menu menu = new Menu("Export figure");
        menu.setId("export-figure");
        List<String> names = List.of("Pipeline of the layer and head...", "Selected map...",
                "Kernels and head mixing of the layer...", "Model grid...", "MTA-change strip...");
        FigureKind[] kinds = {FigureKind.PIPELINE, FigureKind.MAP, FigureKind.INSPECTOR, FigureKind.GRID, FigureKind.CHANGE};
        for (int i = 0; i < kinds.length; i++) {
            FigureKind kind = kinds[i];
            MenuItem item = new MenuItem(names.get(i));
            item.setId("export-figure-" + kind.id());
            item.setOnAction(e -> choose(kind.what(), List.of(filter(FigureFormat.SVG), filter(FigureFormat.PDF)))
                    .ifPresent(file -> exportFigure(kind, file)));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** @return <i>Export as web page...</i> */
    MenuItem webPage() {
        MenuItem item = new MenuItem("Export as web page...");
        item.setId("export-web-page");
        item.setOnAction(e -> choose("the web page", List.of(new FileChooser.ExtensionFilter("web page", "*.html")))
                .ifPresent(file -> run(() -> WebPageExport.export(vm, file, header -> { }))));
        return item;
    }

    private static FileChooser.ExtensionFilter filter(FigureFormat format) {
        return new FileChooser.ExtensionFilter(format.name() + " figure", "*." + format.extension());
    }

    private void exportFigure(FigureKind kind, Path file) {
        run(() -> FigureExport.export(vm, FigureRequest.of(vm, kind, gridStage.get()), file, FigureFormat.DEFAULT_DPI,
                written -> { }));
    }

    private void run(Runnable export) {
        try {
            export.run();
        } catch (InvalidInputException e) {
            report.accept(new ErrorReport("Could not export", e.getMessage(), ""));
        }
    }

    /**
     * @return the file the user chose (the chosen filter's extension added when the name has none; asking before
     *         replacing a file), if any
     */
    private Optional<Path> choose(String what, List<FileChooser.ExtensionFilter> filters) {
        if (vm.traceProperty().get() == null) {
            return Optional.empty();
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + what);
        chooser.getExtensionFilters().setAll(filters);
        File chosen = chooser.showSaveDialog(window.get());
        if (chosen == null) {
            return Optional.empty();
        }
        Path file = withExtension(chosen.toPath(), filters, chooser.getSelectedExtensionFilter());
        return new ExportGuard(mayReplace).mayWrite(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * @return {@code file} as named when its name ends with an extension of one of {@code filters}, else with the
     *         {@code selected} filter's (the first filter's when none is selected) added
     */
    static Path withExtension(Path file, List<FileChooser.ExtensionFilter> filters, FileChooser.ExtensionFilter selected) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (FileChooser.ExtensionFilter filter : filters) {
            for (String pattern : filter.getExtensions()) {
                if (lower.endsWith(pattern.substring(1))) {
                    return file;
                }
            }
        }
        FileChooser.ExtensionFilter chosen = selected != null ? selected : filters.get(0);
        return file.resolveSibling(name + chosen.getExtensions().get(0).substring(1));
    }
}
