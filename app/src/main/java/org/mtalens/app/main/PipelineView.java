package org.mtalens.app.main;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.mtalens.app.adapt.VizAdapter;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.work.LazyRefresh;
import org.mtalens.app.work.Refresh;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;
import org.mtalens.viz.heatmap.Cell;
import org.mtalens.viz.heatmap.HeatmapView;

/**
 * The selected layer and head's map at every stage, in forward order. Clicking a cell selects that
 * stage and cell (the inspector explains it); hovering a cell marks it in every map.
 */
final class PipelineView {
    private static final double MAP_SIZE = 300;

    private final MainViewModel vm;
    private final FlowPane cards = new FlowPane(12, 12);
    private final ScrollPane scroll = new ScrollPane(cards);
    private final List<HeatmapView> maps = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private boolean syncing;

    private final LazyRefresh refresh;

    PipelineView(MainViewModel vm, javafx.beans.value.ObservableBooleanValue shown) {
        this.vm = vm;
        this.refresh = Refresh.whenShown(shown, this::rebuild, vm.layerMapsProperty(), vm.layerProperty(), vm.headProperty());
        cards.setId("pipeline");
        cards.setPadding(new Insets(12));
        scroll.setFitToWidth(true);
        vm.stageProperty().addListener((o, a, b) -> markSelectedStage());
        vm.cellProperty().addListener((o, a, b) -> showSelectedCell());
        vm.markedKeysProperty().addListener((o, a, marked) -> maps.forEach(m -> m.setMarkedKeys(VizAdapter.tokenRange(marked))));
    }

    Node node() {
        return scroll;
    }

    /** @return the map views currently shown, in forward order (for tests and exports) */
    List<HeatmapView> maps() {
        return List.copyOf(maps);
    }

    private void rebuild() {
        LayerPlan plan = vm.selectedLayerPlan().orElse(null);
        if (plan == null || vm.layerMapsProperty().get() == null) {
            cards.getChildren().clear();
            maps.clear();
            stages.clear();
            return;
        }
        List<String> labels = vm.tokenLabels();
        if (stages.equals(plan.stages()) && maps.size() == stages.size()) {
            for (int i = 0; i < stages.size(); i++) {
                HeatmapView view = maps.get(i);
                vm.map(stages.get(i)).ifPresent(map -> view.setMatrix(VizAdapter.matrix(map, labels)));
                view.setMarkedKeys(VizAdapter.tokenRange(vm.markedKeysProperty().get()));
            }
            showSelectedCell();
            return;
        }
        cards.getChildren().clear();
        maps.clear();
        stages.clear();
        for (Stage stage : plan.stages()) {
            vm.map(stage).ifPresent(map -> {
                HeatmapView view = new HeatmapView(VizAdapter.matrix(map, labels));
                view.setId("map-" + stage.id());
                view.setPrefSize(MAP_SIZE, MAP_SIZE);
                view.setMinSize(MAP_SIZE, MAP_SIZE);
                view.setMarkedKeys(VizAdapter.tokenRange(vm.markedKeysProperty().get()));
                view.addSelectionListener(cell -> selected(stage, cell));
                view.addHoverListener(this::hovered);
                Label title = new Label(stage.id());
                title.getStyleClass().add("stage-title");
                VBox card = new VBox(4, title, view);
                card.getStyleClass().add("stage-card");
                card.setOnMouseClicked(e -> vm.stageProperty().set(stage));
                cards.getChildren().add(card);
                maps.add(view);
                stages.add(stage);
            });
        }
        markSelectedStage();
        showSelectedCell();
    }

    private void selected(Stage stage, Cell cell) {
        if (syncing || cell == null) {
            return;
        }
        vm.stageProperty().set(stage);
        vm.cellProperty().set(new MainViewModel.SelectedCell(cell.row(), cell.column()));
    }

    private void hovered(Cell cell) {
        if (syncing) {
            return;
        }
        syncing = true;
        for (HeatmapView view : maps) {
            view.hoverCellProperty().set(cell);
        }
        syncing = false;
    }

    private void showSelectedCell() {
        MainViewModel.SelectedCell selected = vm.cellProperty().get();
        Cell cell = selected == null ? null : new Cell(selected.query(), selected.key());
        syncing = true;
        for (HeatmapView view : maps) {
            view.selectedCellProperty().set(cell);
        }
        syncing = false;
    }

    private void markSelectedStage() {
        for (int i = 0; i < cards.getChildren().size(); i++) {
            Node card = cards.getChildren().get(i);
            card.getStyleClass().remove("selected-stage");
            if (stages.get(i) == vm.stageProperty().get()) {
                card.getStyleClass().add("selected-stage");
            }
        }
    }
}
