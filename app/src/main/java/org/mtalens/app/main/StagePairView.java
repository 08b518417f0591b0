package org.mtalens.app.main;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.mtalens.app.adapt.VizAdapter;
import org.mtalens.app.colour.SharedScales;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.work.LazyRefresh;
import org.mtalens.app.work.Refresh;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;
import org.mtalens.viz.colour.ScaleSharing;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.colour.ScaleSpecControl;
import org.mtalens.viz.compare.BeforeAfterView;

/**
 * Before/after: any two stages of the selected layer and head side by side, with their difference. The two maps
 * always share one range (so their colours compare), with the range rule and colour maps the user chose; the
 * difference has its own signed scale.
 */
final class StagePairView {
    private final MainViewModel vm;
    private final ChoiceBox<Stage> before = new ChoiceBox<>();
    private final ChoiceBox<Stage> after = new ChoiceBox<>();
    private final BeforeAfterView pair = new BeforeAfterView();
    private final BorderPane root = new BorderPane();
    private boolean updating;

    private final LazyRefresh refresh;

    StagePairView(MainViewModel vm, javafx.beans.value.ObservableBooleanValue shown) {
        this.vm = vm;
        this.refresh = Refresh.whenShown(shown, this::refreshChoices, vm.layerMapsProperty(), vm.layerProperty(),
                vm.headProperty());
        before.setId("before-stage");
        after.setId("after-stage");
        pair.setId("before-after");
        ScaleSpecControl colours = new ScaleSpecControl(vm.scaleSpecProperty().get(),
                java.util.List.of(ScaleSharing.PER_MAP, ScaleSharing.LAYER, ScaleSharing.ALL));
        colours.setId("pair-colours");
        colours.specProperty().bindBidirectional(vm.scaleSpecProperty());
        vm.scaleSpecProperty().addListener((o, a, b) -> colourMaps());
        Label beforeLabel = new Label("before");
        Label afterLabel = new Label("after");
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {beforeLabel, before, afterLabel, after}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox choices = new HBox(8, beforeLabel, before, afterLabel, after, colours);
        HBox.setHgrow(colours, javafx.scene.layout.Priority.ALWAYS);
        choices.setAlignment(Pos.CENTER_LEFT);
        choices.setPadding(new Insets(8));
        root.setTop(choices);
        root.setCenter(pair);
        before.valueProperty().addListener((o, a, b) -> show());
        after.valueProperty().addListener((o, a, b) -> show());
    }

    Node node() {
        return root;
    }

    BeforeAfterView view() {
        return pair;
    }

    private void refreshChoices() {
        LayerPlan plan = vm.selectedLayerPlan().orElse(null);
        if (plan == null) {
            return;
        }
        updating = true;
        before.setItems(FXCollections.observableArrayList(plan.stages()));
        after.setItems(FXCollections.observableArrayList(plan.stages()));
        before.setValue(plan.stages().get(0));
        after.setValue(plan.stages().get(Math.min(1, plan.stages().size() - 1)));
        updating = false;
        show();
    }

    private void show() {
        if (updating || before.getValue() == null || after.getValue() == null) {
            return;
        }
        var labels = vm.tokenLabels();
        vm.map(before.getValue()).ifPresent(b -> vm.map(after.getValue()).ifPresent(a -> {
            pair.show(VizAdapter.matrix(b, labels), VizAdapter.matrix(a, labels));
            pair.markKeys(VizAdapter.tokenRange(vm.markedKeysProperty().get()));
            colourMaps();
        }));
    }

    private void colourMaps() {
        if (pair.before().getMatrix() == null) {
            return;
        }
        ScaleSpec spec = vm.scaleSpecProperty().get();
        SharedScales.applyShared(spec, java.util.List.of(pair.before(), pair.after()));
    }
}
