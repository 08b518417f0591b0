package org.mtalens.app.main;

import java.util.Optional;
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
import org.mtalens.runtime.analysis.NextTokenShift;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.viz.heatmap.HeatmapView;

/**
 * Compare: a second checkpoint (for the toy task, the baseline) on the same input, the same layer,
 * head and stage side by side (its {@code final} map when it lacks the stage), with each model's top
 * next-token predictions.
 */
final class CompareView {
    private static final double MAP_SIZE = 420;
    private final MainViewModel vm;
    private final HBox maps = new HBox(16);
    private final Label hint = new Label("Switch parts off:");
    private final Button baseline = new Button("Compare with the baseline sample");
    private final javafx.scene.control.TextField ablation = new javafx.scene.control.TextField();
    private final Button ablate = new Button("Compare with ablation");
    private final Label shift = new Label();
    private final BorderPane root = new BorderPane();

    private final LazyRefresh refresh;

    CompareView(MainViewModel vm, javafx.beans.value.ObservableBooleanValue shown) {
        this.vm = vm;
        this.refresh = new LazyRefresh(shown, this::show);
        maps.setPadding(new Insets(12));
        maps.setId("compare");
        baseline.setId("compare-baseline");
        baseline.setOnAction(e -> vm.compareWithBaselineSample());
        ablation.setId("ablation");
        ablation.setPromptText("e.g. L1.pre_sm_conv,L1.head0.post_sm_conv,L0.gate");
        ablation.setPrefColumnCount(28);
        ablation.textProperty().bindBidirectional(vm.ablationProperty());
        ablation.setOnAction(e -> vm.compareWithAblation());
        ablate.setId("compare-ablation");
        ablate.setOnAction(e -> vm.compareWithAblation());
        shift.setId("next-token-shift");
        ablate.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        baseline.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, hint, ablation, ablate, baseline, new Label("(or File > Compare with checkpoint...)"));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        root.setTop(new VBox(4, bar, shift));
        root.setCenter(maps);
        vm.comparisonResultProperty().addListener((o, a, b) -> refresh.request());
        vm.resultProperty().addListener((o, a, b) -> refresh.request());
        vm.layerProperty().addListener((o, a, b) -> refresh.request());
        vm.headProperty().addListener((o, a, b) -> refresh.request());
        vm.stageProperty().addListener((o, a, b) -> refresh.request());
        vm.sessionProperty().addListener((o, a, s) -> baseline.setVisible(s != null && s.findBlockTask().isPresent()));
    }

    Node node() {
        return root;
    }

    private void show() {
        maps.getChildren().clear();
        shift.setText("");
        RunResult mine = vm.resultProperty().get();
        RunResult theirs = vm.comparisonResultProperty().get();
        String label = vm.comparisonLabelProperty().get();
        if (label.isEmpty() || mine == null) {
            return;
        }
        maps.getChildren().add(card(vm.sessionProperty().get().name(), mine, "compare-this"));
        if (theirs == null) {
            shift.setText("Same input on " + label + ": the input does not fit its vocabulary or length.");
            return;
        }
        maps.getChildren().add(card(label, theirs, "compare-other"));
        if (theirs.vocabSize() == mine.vocabSize()) {
            int last = mine.length() - 1;
            shift.setText(String.format("Next-token distribution after the last position: KL(this || %s) = %.4f nats", label,
                    NextTokenShift.klDivergence(mine, theirs, last)));
        }
    }

    private VBox card(String name, RunResult run, String id) {
        Stage wanted = vm.stageProperty().get();
        int layer = vm.layerProperty().get();
        int head = vm.headProperty().get();
        Optional<AttentionMap> map = run.map(layer, wanted, head).or(() -> run.map(layer, Stage.FINAL, head));
        Label title = new Label(name + map.map(m -> " · layer " + m.layer() + " · head " + m.head() + " · " + m.stage().id())
                .orElse(" has no layer " + layer + " / head " + head));
        title.getStyleClass().add("stage-title");
        VBox card = new VBox(6, title);
        map.ifPresent(m -> {
            HeatmapView view = new HeatmapView(VizAdapter.matrix(m, vm.tokenLabels()));
            view.setId(id);
            view.setPrefSize(MAP_SIZE, MAP_SIZE);
            view.setMarkedKeys(VizAdapter.tokenRange(vm.markedKeysProperty().get()));
            card.getChildren().add(view);
        });
        card.getChildren().add(new Label("next token after the last position: " + predictions(run)));
        card.getStyleClass().add("stage-card");
        card.setPrefWidth(0);
        card.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(card, javafx.scene.layout.Priority.ALWAYS);
        return card;
    }

    private String predictions(RunResult run) {
        return run.topPredictions(run.length() - 1, 3).stream()
                .map(p -> String.format("%s %.0f%%", vm.tokenName(p.token()), 100 * p.probability()))
                .collect(Collectors.joining(", "));
    }
}
