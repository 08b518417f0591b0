package org.mtalens.app.main;

import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.mtalens.app.adapt.VizAdapter;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.viz.grid.ModelGridView;

/** The model grid: one stage for every layer and head; clicking a thumbnail selects that layer and head. */
final class GridTabView {
    private final MainViewModel vm;
    private final ChoiceBox<Stage> stage = new ChoiceBox<>(FXCollections.observableArrayList(Stage.values()));
    private final ModelGridView grid = new ModelGridView();
    private final BorderPane root = new BorderPane();
    private Runnable onPick = () -> { };

    private final LazyRefresh refresh;

    GridTabView(MainViewModel vm, javafx.beans.value.ObservableBooleanValue shown) {
        this.vm = vm;
        this.refresh = new LazyRefresh(shown, this::show);
        stage.setId("grid-stage");
        grid.setId("model-grid");
        stage.setValue(Stage.FINAL);
        HBox bar = new HBox(8, new Label("stage"), stage);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        root.setTop(bar);
        root.setCenter(grid);
        stage.valueProperty().addListener((o, a, b) -> refresh.request());
        vm.resultProperty().addListener((o, a, b) -> refresh.request());
        grid.addSelectionListener(cell -> {
            vm.layerProperty().set(cell.layer());
            vm.headProperty().set(cell.head());
            onPick.run();
        });
    }

    Node node() {
        return root;
    }

    ModelGridView grid() {
        return grid;
    }

    ChoiceBox<Stage> stageChoice() {
        return stage;
    }

    void setOnPick(Runnable action) {
        onPick = action;
    }

    private void show() {
        RunResult result = vm.resultProperty().get();
        if (result == null || vm.sessionProperty().get() == null) {
            return;
        }
        var config = vm.sessionProperty().get().checkpoint().config();
        Set<Integer> mtaLayers = config.layerPlans().stream().filter(LayerPlan::hasKeyQueryConv).map(LayerPlan::layer)
                .collect(Collectors.toSet());
        var labels = vm.tokenLabels();
        Stage shown = stage.getValue();
        grid.setThumbnailSize(Math.max(48, Math.min(160, 960 / Math.max(config.nHeads(), 1))));
        grid.show(shown.id(), config.nLayers(), config.nHeads(), mtaLayers,
                (layer, head) -> result.map(layer, shown, head).map(m -> VizAdapter.matrix(m, labels)).orElse(null));
    }
}
