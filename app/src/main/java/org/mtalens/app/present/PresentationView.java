package org.mtalens.app.present;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.mtalens.app.adapt.VizAdapter;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.work.Refresh;
import org.mtalens.runtime.config.Stage;
import org.mtalens.viz.heatmap.Cell;
import org.mtalens.viz.heatmap.HeatmapView;

/**
 * Presentation mode's one view: the selected layer, head and stage as one map filling the window, drawn at a base
 * size and magnified as a whole, so its axis labels, colour bar and markers grow with it (large text, thick lines);
 * above it the stage's name and what it computes, in large type. Follows the selection (Alt+arrows, the tour); a
 * click selects a cell.
 */
final class PresentationView {
    /** The size the map is laid out at before it is magnified to fill the window. */
    static final double BASE_WIDTH = 620;
    static final double BASE_HEIGHT = 420;
    private final MainViewModel vm;
    private final HeatmapView map = new HeatmapView();
    private final Label title = new Label();
    private final Label computes = new Label();
    private final BorderPane root = new BorderPane();
    private boolean syncing;

    PresentationView(MainViewModel vm, javafx.beans.value.ObservableBooleanValue shown) {
        this.vm = vm;
        map.setId("presentation-map");
        map.setPrefSize(BASE_WIDTH, BASE_HEIGHT);
        map.setMinSize(BASE_WIDTH, BASE_HEIGHT);
        map.setMaxSize(BASE_WIDTH, BASE_HEIGHT);
        map.addSelectionListener(this::selected);
        title.setId("presentation-title");
        title.getStyleClass().add("presentation-title");
        computes.setId("presentation-computes");
        computes.getStyleClass().add("presentation-computes");
        computes.setWrapText(true);
        StackPane centre = new StackPane(new Group(map));
        centre.setMinSize(0, 0);
        DoubleBinding scale = Bindings.createDoubleBinding(() -> Math.max(0.5, Math.min(
                (centre.getWidth() - 24) / BASE_WIDTH, (centre.getHeight() - 24) / BASE_HEIGHT)),
                centre.widthProperty(), centre.heightProperty());
        map.scaleXProperty().bind(scale);
        map.scaleYProperty().bind(scale);
        VBox top = new VBox(6, title, computes);
        top.setPadding(new Insets(12, 20, 4, 20));
        top.setAlignment(Pos.CENTER_LEFT);
        root.setTop(top);
        root.setCenter(centre);
        root.setId("presentation-view");
        Refresh.whenShown(shown, this::refresh, vm.layerMapsProperty(), vm.headProperty(), vm.stageProperty(),
                vm.cellProperty(), vm.markedKeysProperty());
    }

    Node node() {
        return root;
    }

    HeatmapView map() {
        return map;
    }

    private void refresh() {
        Stage stage = vm.stageProperty().get();
        title.setText(String.format("Layer %d · head %d · %s", vm.layerProperty().get(), vm.headProperty().get(),
                stage.id()));
        computes.setText(computes(stage));
        vm.map(stage).ifPresent(m -> map.setMatrix(VizAdapter.matrix(m, vm.tokenLabels())));
        map.setMarkedKeys(VizAdapter.tokenRange(vm.markedKeysProperty().get()));
        MainViewModel.SelectedCell cell = vm.cellProperty().get();
        syncing = true;
        map.selectedCellProperty().set(cell == null ? null : new Cell(cell.query(), cell.key()));
        syncing = false;
    }

    private void selected(Cell cell) {
        if (!syncing && cell != null) {
            vm.cellProperty().set(new MainViewModel.SelectedCell(cell.row(), cell.column()));
        }
    }

    /** @return what {@code stage} computes, in words and the paper's symbols */
    static String computes(Stage stage) {
        return switch (stage) {
            case SCORES -> "A = QKᵀ/√d: each query against each earlier key, one pair at a time";
            case PRE_SM_CONV -> "Â = Conv2d_θ(A): each score plus its neighbours, earlier queries and nearby keys";
            case PRE_SM_HEAD_MIX -> "W_psm A: the scores of the heads mixed";
            case SOFTMAX -> "softmax over keys: each row's weights sum to 1";
            case POST_SM_CONV -> "Conv2d_θ'(W): the weights convolved again, after softmax";
            case POST_SM_HEAD_CONV -> "head_kernel: the weights mixed within groups of heads";
            case POST_SM_HEAD_MIX -> "W_posm W: the weights of the heads mixed";
            case FINAL -> "the weights that multiply the values: out_i = Σ_j W[i, j] v_j";
        };
    }
}
