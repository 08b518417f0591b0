package org.mtalens.app.main;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mtalens.app.adapt.VizAdapter;
import org.mtalens.app.colour.SharedScales;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.work.LazyRefresh;
import org.mtalens.app.work.Refresh;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;
import org.mtalens.viz.heatmap.Cell;
import org.mtalens.viz.colour.ScaleSharing;
import org.mtalens.viz.colour.ScaleSpecControl;
import org.mtalens.viz.colour.ValueSummary;
import org.mtalens.viz.heatmap.HeatmapView;
import org.mtalens.viz.layout.MapTilePane;

/**
 * The selected layer and head's map at every stage, in forward order, filling the pane (1 to 4 per row, growing
 * with the window; each zooms and pans). Clicking a cell selects that stage and cell (the inspector explains it);
 * hovering a cell marks it in every map. The colour controls above the maps choose how they are coloured and which
 * maps share a range (this map, all heads of the layer at the map's stage, or every stage shown).
 */
final class PipelineView {
    private final MainViewModel vm;
    private final MapTilePane cards = new MapTilePane();
    private final ScrollPane scroll = cards.inScrollPane();
    private final BorderPane root = new BorderPane();
    private final List<HeatmapView> maps = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private boolean syncing;
    private final java.util.Map<Stage, ValueSummary> layerSummaries = new java.util.EnumMap<>(Stage.class);
    private Object summarised;
    /** Layer ranges streamed over every head (when the views hold fewer heads), and for which trace and layer. */
    private java.util.Map<Stage, ValueSummary> streamed = java.util.Map.of();
    private Object streamedFor;
    private Object streamingFor;

    private final LazyRefresh refresh;

    PipelineView(MainViewModel vm, javafx.beans.value.ObservableBooleanValue shown) {
        this.vm = vm;
        this.refresh = Refresh.whenShown(shown, this::rebuild, vm.layerMapsProperty(), vm.layerProperty(), vm.headProperty());
        cards.setId("pipeline");
        cards.setPadding(new Insets(12));
        ScaleSpecControl colours = new ScaleSpecControl(vm.scaleSpecProperty().get(),
                List.of(ScaleSharing.PER_MAP, ScaleSharing.LAYER, ScaleSharing.ALL));
        colours.setId("pipeline-colours");
        colours.setPadding(new Insets(6, 12, 0, 12));
        colours.specProperty().bindBidirectional(vm.scaleSpecProperty());
        vm.scaleSpecProperty().addListener((o, a, b) -> colourMaps());
        root.setTop(colours);
        root.setCenter(scroll);
        vm.stageProperty().addListener((o, a, b) -> markSelectedStage());
        vm.cellProperty().addListener((o, a, b) -> showSelectedCell());
        vm.markedKeysProperty().addListener((o, a, marked) -> maps.forEach(m -> m.setMarkedKeys(VizAdapter.tokenRange(marked))));
    }

    Node node() {
        return root;
    }

    /**
     * Scrolls to the selected stage's map and zooms it {@code zoom} times its fitted size, about the selected cell
     * (else its centre); 1 leaves it fitted.
     */
    void focusSelectedStage(double zoom) {
        scrollToSelectedStage();
        int at = stages.indexOf(vm.stageProperty().get());
        if (at < 0 || zoom <= 1) {
            return;
        }
        HeatmapView map = maps.get(at);
        map.fit();
        MainViewModel.SelectedCell cell = vm.cellProperty().get();
        if (cell != null && map.getViewport() != null) {
            map.showCell(cell.query(), cell.key(), map.getViewport().pixelsPerCell() * zoom);
        } else {
            map.zoom(zoom);
        }
    }

    /** Scrolls the selected stage's map into view (when the maps need more than the pane's height). */
    void scrollToSelectedStage() {
        int at = stages.indexOf(vm.stageProperty().get());
        if (at < 0 || cards.getChildren().size() <= at) {
            return;
        }
        root.applyCss();
        root.layout();
        double room = cards.getHeight() - scroll.getViewportBounds().getHeight();
        Node card = cards.getChildren().get(at);
        scroll.setVvalue(room <= 0 ? 0 : Math.min(1, card.getBoundsInParent().getMinY() / room));
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
                // the view lets its matrix go for the new one: written into its memory (a head switch allocates nothing)
                vm.map(stages.get(i)).ifPresent(map -> view.setMatrix(VizAdapter.matrix(map, labels, view.getMatrix())));
                view.setMarkedKeys(VizAdapter.tokenRange(vm.markedKeysProperty().get()));
            }
            colourMaps();
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
                view.setMarkedKeys(VizAdapter.tokenRange(vm.markedKeysProperty().get()));
                view.addSelectionListener(cell -> selected(stage, cell));
                view.addHoverListener(this::hovered);
                Label title = new Label(stage.id());
                title.getStyleClass().add("stage-title");
                VBox card = new VBox(4, title, view);
                VBox.setVgrow(view, Priority.ALWAYS);
                card.getStyleClass().add("stage-card");
                card.setOnMouseClicked(e -> vm.stageProperty().set(stage));
                cards.getChildren().add(card);
                maps.add(view);
                stages.add(stage);
            });
        }
        colourMaps();
        markSelectedStage();
        showSelectedCell();
    }

    /** Colours the maps by the user's scale: by layer, a map shares the range of all heads held at its stage. */
    private void colourMaps() {
        SharedScales.apply(vm.scaleSpecProperty().get(), maps, view -> layerData(stages.get(maps.indexOf(view))));
    }

    /**
     * @return the summary of every head of the layer at {@code stage}: from the maps held when they are the whole
     *         layer (each summarised once per stage), else streamed from a replay of the layer in the background
     *         (null, the map alone, until it is ready): a layer's range never comes from the one head held
     */
    private ValueSummary layerData(Stage stage) {
        var held = vm.layerMapsProperty().get();
        if (held == null) { // let the released maps go: a replay is filling their memory
            summarised = null;
            layerSummaries.clear();
            return null;
        }
        if (held != summarised) {
            summarised = held;
            layerSummaries.clear();
        }
        int heads = vm.sessionProperty().get().checkpoint().config().nHeads();
        if (held.maps().stream().filter(m -> m.stage() == stage).count() < heads) {
            return streamedLayerData(held.layer(), stage);
        }
        return layerSummaries.computeIfAbsent(stage, s -> ValueSummary.union(held.maps().stream()
                .filter(m -> m.stage() == s).map(m -> ValueSummary.of(m.values(), m.tokens(), m.tokens(), true))
                .toList()));
    }

    /** @return the layer's summary at {@code stage} over every head, streamed from a replay; null until it is ready */
    private ValueSummary streamedLayerData(int layer, Stage stage) {
        org.mtalens.runtime.model.Trace trace = vm.traceProperty().get();
        java.util.List<Object> key = java.util.List.of(trace == null ? "" : trace, layer);
        if (trace == null) {
            return null;
        }
        if (key.equals(streamedFor)) {
            return streamed.get(stage);
        }
        if (!key.equals(streamingFor)) {
            streamingFor = key;
            vm.background("pipeline-layer-range", "Colour range of layer " + layer + " over all heads ...",
                    progress -> LayerRanges.of(trace, layer, progress.cancelledCheck()), ranges -> {
                        streamed = ranges;
                        streamedFor = key;
                        if (vm.traceProperty().get() == trace && vm.layerProperty().get() == layer) {
                            colourMaps();
                        }
                    });
        }
        return null;
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
