package org.mtalens.app.compare;

import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mtalens.app.adapt.VizAdapter;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.work.Refresh;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.Trace;
import org.mtalens.viz.heatmap.HeatmapView;

/**
 * Compare: a second checkpoint (for the toy task, the baseline) or the open one with parts switched off, on the
 * same input: the same layer, head and stage side by side (its {@code final} map when it lacks the stage), with
 * each run's likeliest next tokens after the selected query and the KL divergence between them. Computed in the
 * background.
 */
public final class CompareView {
    private static final double MAP_SIZE = 420;
    private final ComparisonViewModel cvm;
    private final MainViewModel vm;
    private final HBox maps = new HBox(16);
    private final Label hint = new Label("Switch parts off:");
    private final Button baseline = new Button("Compare with the baseline sample");
    private final javafx.scene.control.TextField ablation = new javafx.scene.control.TextField();
    private final Button ablate = new Button("Compare with ablation");
    private final Label shift = new Label();
    private final BorderPane root = new BorderPane();

    public CompareView(ComparisonViewModel cvm, javafx.beans.value.ObservableBooleanValue shown) {
        this.cvm = cvm;
        this.vm = cvm.main();
        maps.setPadding(new Insets(12));
        maps.setId("compare");
        baseline.setId("compare-baseline");
        baseline.setOnAction(e -> cvm.compareWithBaselineSample());
        ablation.setId("ablation");
        ablation.setPromptText("e.g. L1.pre_sm_conv,L1.head0.post_sm_conv,L0.gate");
        ablation.setPrefColumnCount(28);
        ablation.textProperty().bindBidirectional(cvm.ablationTextProperty());
        ablation.setOnAction(e -> cvm.compareWithAblation());
        ablate.setId("compare-ablation");
        ablate.setOnAction(e -> cvm.compareWithAblation());
        shift.setId("next-token-shift");
        ablate.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        baseline.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, hint, ablation, ablate, baseline, new Label("(or File > Compare with checkpoint...)"));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        root.setTop(new VBox(4, bar, shift));
        root.setCenter(maps);
        Refresh.whenShown(shown, this::refresh, cvm.comparedProperty(), vm.traceProperty(), vm.layerProperty(),
                vm.headProperty(), vm.stageProperty(), vm.cellProperty());
        vm.scaleSpecProperty().addListener((o, a, b) -> colourMaps());
        vm.sessionProperty().addListener((o, a, s) -> baseline.setVisible(s != null && s.findBlockTask().isPresent()));
    }

    public Node node() {
        return root;
    }

    private void refresh() {
        if (cvm.labelProperty().get().isEmpty() || vm.traceProperty().get() == null) {
            maps.getChildren().clear();
            shift.setText("");
            return;
        }
        cvm.sideBySide("compare", this::show);
    }

    private void show(ComparisonViewModel.SideBySide compared) {
        maps.getChildren().clear();
        shift.setText("");
        String label = cvm.labelProperty().get();
        Trace mine = vm.traceProperty().get();
        if (mine == null) {
            return;
        }
        if (compared == null) {
            shift.setText(cvm.comparedProperty().get() == null && cvm.otherProperty().get() != null
                    ? "Same input on " + label + ": the input does not fit its vocabulary or length." : "");
            return;
        }
        maps.getChildren().add(card(vm.sessionProperty().get().name(), compared.mine(), "compare-this",
                predictions(compared.myTop())));
        maps.getChildren().add(card(label, compared.theirs(), "compare-other", predictions(compared.theirTop())));
        colourMaps();
        if (compared.nextToken() != null) {
            shift.setText(String.format("Next-token distribution after position %d: KL(this || %s) = %.4f nats",
                    compared.nextToken().position(), label, compared.nextToken().klDivergence()));
        }
    }

    /** The two runs' maps always share one range (so they compare), with the user's range rule and colours. */
    private void colourMaps() {
        java.util.List<HeatmapView> shown = maps.lookupAll(".heatmap").stream().filter(HeatmapView.class::isInstance)
                .map(HeatmapView.class::cast).toList();
        org.mtalens.app.colour.SharedScales.applyShared(vm.scaleSpecProperty().get(), shown);
    }

    private VBox card(String name, AttentionMap map, String id, String next) {
        int layer = vm.layerProperty().get();
        int head = vm.headProperty().get();
        Label title = new Label(name + (map == null ? " has no layer " + layer + " / head " + head
                : " · layer " + map.layer() + " · head " + map.head() + " · " + map.stage().id()));
        title.getStyleClass().add("stage-title");
        VBox card = new VBox(6, title);
        if (map != null) {
            HeatmapView view = new HeatmapView(VizAdapter.matrix(map, vm.tokenLabels()));
            view.setId(id);
            view.setPrefSize(MAP_SIZE, MAP_SIZE);
            view.setMarkedKeys(VizAdapter.tokenRange(vm.markedKeysProperty().get()));
            card.getChildren().add(view);
        }
        card.getChildren().add(new Label(next));
        card.getStyleClass().add("stage-card");
        card.setPrefWidth(0);
        card.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(card, javafx.scene.layout.Priority.ALWAYS);
        return card;
    }

    private String predictions(java.util.List<org.mtalens.runtime.model.TokenPrediction> top) {
        return "next token after position " + vm.selectedQuery() + ": " + top.stream()
                .map(p -> String.format("%s %.0f%%", vm.tokenName(p.token()), 100 * p.probability()))
                .collect(Collectors.joining(", "));
    }
}
