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
import org.mtalens.app.adapt.GridThumbnails;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.work.Refresh;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.Trace;
import org.mtalens.viz.colour.ScaleSharing;
import org.mtalens.viz.colour.ScaleSpecControl;
import org.mtalens.viz.grid.ModelGridView;

/**
 * The model grid: one stage for every layer and head, as thumbnails made layer by layer (the layer replayed from
 * the trace, each head's map pooled as its rows arrive, then dropped), filling in as each layer is done; clicking a
 * thumbnail selects that layer and head.
 */
final class GridTabView {
    private final MainViewModel vm;
    private final ChoiceBox<Stage> stage = new ChoiceBox<>(FXCollections.observableArrayList(Stage.values()));
    private final ModelGridView grid = new ModelGridView();
    private final BorderPane root = new BorderPane();
    private Runnable onPick = () -> { };
    private Trace drawing;

    GridTabView(MainViewModel vm, javafx.beans.value.ObservableBooleanValue shown) {
        this.vm = vm;
        stage.setId("grid-stage");
        grid.setId("model-grid");
        stage.setValue(Stage.FINAL);
        ScaleSpecControl colours = new ScaleSpecControl(grid.scaleSpecProperty().get(),
                java.util.List.of(ScaleSharing.ALL, ScaleSharing.LAYER, ScaleSharing.PER_MAP));
        colours.setId("grid-colours");
        colours.specProperty().bindBidirectional(grid.scaleSpecProperty());
        HBox bar = new HBox(8, new Label("stage"), stage, colours);
        HBox.setHgrow(colours, javafx.scene.layout.Priority.ALWAYS);
        vm.markedKeysProperty().addListener((o, a, marked) -> grid.markedKeysProperty().set(
                org.mtalens.app.adapt.VizAdapter.tokenRange(marked)));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        root.setTop(bar);
        root.setCenter(grid);
        Refresh.whenShown(shown, this::show, stage.valueProperty(), vm.traceProperty());
        linkStageToOutline(shown);
        grid.addSelectionListener(cell -> {
            vm.layerProperty().set(cell.layer());
            vm.headProperty().set(cell.head());
            onPick.run();
        });
    }

    /**
     * While the grid is shown, its stage is the selected stage: the outline marks the stage the grid draws, and a
     * stage picked in the outline is drawn by the grid (a stage the selected layer does not run leaves the selection).
     */
    private void linkStageToOutline(javafx.beans.value.ObservableBooleanValue shown) {
        Runnable select = () -> {
            Stage drawn = stage.getValue();
            if (shown.get() && drawn != null && vm.stageProperty().get() != drawn
                    && vm.selectedLayerPlan().map(plan -> plan.runs(drawn)).orElse(false)) {
                vm.stageProperty().set(drawn);
            }
        };
        stage.valueProperty().addListener((o, a, b) -> select.run());
        shown.addListener((o, a, now) -> select.run());
        vm.stageProperty().addListener((o, a, picked) -> {
            if (shown.get() && picked != null && stage.getValue() != picked) {
                stage.setValue(picked);
            }
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
        Trace trace = vm.traceProperty().get();
        if (trace == null || vm.sessionProperty().get() == null) {
            return;
        }
        ModelConfig config = trace.config();
        Set<Integer> mtaLayers = config.layerPlans().stream().filter(LayerPlan::hasKeyQueryConv).map(LayerPlan::layer)
                .collect(Collectors.toSet());
        int size = Math.max(48, Math.min(160, 960 / Math.max(config.nHeads(), 1)));
        grid.setThumbnailSize(size);
        grid.setTokens(vm.tokenLabels());
        grid.markedKeysProperty().set(org.mtalens.app.adapt.VizAdapter.tokenRange(vm.markedKeysProperty().get()));
        grid.begin(stage.getValue().id(), config.nLayers(), config.nHeads(), mtaLayers);
        drawing = trace;
        drawLayer(trace, stage.getValue(), size, 0);
    }

    /** Pools one layer's maps in the background, places them, then goes on with the next layer. */
    private void drawLayer(Trace trace, Stage shown, int size, int layer) {
        ModelConfig config = trace.config();
        if (layer >= config.nLayers()) {
            return;
        }
        boolean runs = config.layerPlan(layer).runs(shown);
        vm.background("grid", "Drawing the grid, layer " + layer + " of " + config.nLayers() + " ...",
                progress -> runs ? GridThumbnails.of(trace, layer, shown, size, progress.cancelledCheck())
                        : java.util.Map.<Integer, org.mtalens.viz.grid.PooledMatrix>of(),
                maps -> {
                    if (trace != drawing || shown != stage.getValue()) {
                        return;
                    }
                    for (int head = 0; head < config.nHeads(); head++) {
                        grid.put(layer, head, maps.get(head));
                    }
                    drawLayer(trace, shown, size, layer + 1);
                });
    }
}
