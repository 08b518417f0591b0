package org.mtalens.app.tour;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.mtalens.app.compare.ComparisonViewModel;
import org.mtalens.app.session.MainViewModel;

/** The guided tours as the main window wires them: the Help menu's items and the tour window. */
public final class Tour {
    private final TourViewModel vm;
    private final TourWindow window;

    public Tour(MainViewModel main, ComparisonViewModel comparison, Consumer<Path> open, IntConsumer selectTab,
                Supplier<Window> owner) {
        this.vm = new TourViewModel(main, comparison, open, selectTab);
        this.window = new TourWindow(vm, owner);
    }

    /** @return Help: the pipeline tour (F1) and the baseline-vs-MTA tour */
    public Menu helpMenu() {
        MenuItem pipeline = new MenuItem("Tour: find the block, stage by stage");
        pipeline.setId("menu-tour");
        pipeline.setAccelerator(KeyCombination.keyCombination("F1"));
        pipeline.setOnAction(e -> start(TourViewModel.Kind.PIPELINE));
        MenuItem comparison = new MenuItem("Tour: baseline vs MTA on one instance");
        comparison.setId("menu-tour-compare");
        comparison.setOnAction(e -> start(TourViewModel.Kind.COMPARISON));
        return new Menu("Help", null, pipeline, comparison);
    }

    /** Opens the tour window and starts {@code kind}. */
    public void start(TourViewModel.Kind kind) {
        window.show();
        vm.start(kind);
    }

    public TourViewModel viewModel() {
        return vm;
    }

    public TourWindow window() {
        return window;
    }
}
