package org.mtalens.app.ablation;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mtalens.app.adapt.VizAdapter;
import org.mtalens.app.work.LazyRefresh;
import org.mtalens.app.work.Refresh;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.runtime.analysis.MapDifference;
import org.mtalens.runtime.analysis.NextTokenComparison;
import org.mtalens.runtime.analysis.NextTokenComparison.TokenShift;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.heatmap.HeatmapView;

/**
 * Ablation: the switches on the left; the selected head's map at the selected stage in the intact run,
 * in the ablated run, and their difference; the next token after the selected query in both runs, with
 * the KL divergence. Map ids: {@code ablation-intact}, {@code ablation-ablated}, {@code ablation-difference}.
 */
public final class AblationView {
    private static final double MAP_SIZE = 330;
    private final AblationViewModel vm;
    private final HeatmapView intact = map("ablation-intact");
    private final HeatmapView ablated = map("ablation-ablated");
    private final HeatmapView difference = map("ablation-difference");
    private final Label intactTitle = title();
    private final Label ablatedTitle = title();
    private final Label differenceTitle = title();
    private final Label summary = new Label();
    private final Label divergence = new Label();
    private final TableView<TokenShift> nextTokens = new TableView<>();
    private final BorderPane root = new BorderPane();
    private final LazyRefresh refresh;

    public AblationView(AblationViewModel vm, ObservableBooleanValue shown) {
        this.vm = vm;
        this.refresh = Refresh.whenShown(shown, this::show, vm.differenceProperty(), vm.nextTokenProperty(),
                vm.main().markedKeysProperty());
        summary.setId("ablation-summary");
        summary.setWrapText(true);
        divergence.setId("ablation-kl");
        divergence.setWrapText(true);
        configureNextTokens();
        Button allOn = new Button("Switch everything back on");
        allOn.setId("ablation-all-on");
        allOn.setOnAction(e -> vm.switchEverythingOn());
        ScrollPane switches = new ScrollPane(new AblationToggles(vm).node());
        switches.setPrefSize(560, 300);
        HBox.setHgrow(switches, Priority.ALWAYS);
        VBox next = new VBox(6, divergence, nextTokens);
        next.setPrefWidth(420);
        VBox.setVgrow(nextTokens, Priority.ALWAYS);
        HBox maps = new HBox(12, card(intactTitle, intact), card(ablatedTitle, ablated), card(differenceTitle, difference));
        HBox below = new HBox(12, switches, next);
        HBox top = new HBox(12, allOn, summary);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        allOn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox centre = new VBox(8, top, maps, below);
        VBox.setVgrow(maps, Priority.ALWAYS);
        centre.setPadding(new Insets(8));
        root.setCenter(centre);
        for (HeatmapView view : new HeatmapView[] {intact, ablated, difference}) {
            view.addSelectionListener(cell -> {
                if (cell != null && cell.column() <= cell.row()) {
                    vm.main().cellProperty().set(new MainViewModel.SelectedCell(cell.row(), cell.column()));
                }
            });
        }
        vm.main().scaleSpecProperty().addListener((o, a, b) -> colourMaps());
        show();
    }

    /** The intact and ablated maps always share one range (so they compare), with the user's range rule and colours. */
    private void colourMaps() {
        org.mtalens.app.colour.SharedScales.applyShared(vm.main().scaleSpecProperty().get(), java.util.List.of(intact, ablated));
    }

    public Node node() {
        return root;
    }

    private void show() {
        MapDifference d = vm.differenceProperty().get();
        NextTokenComparison next = vm.nextTokenProperty().get();
        if (d == null) {
            summary.setText("Tick a part on the left to switch it off: the model runs again without it, and its maps "
                    + "appear beside the intact run's, with their difference and the change in the next token.");
            clear();
            return;
        }
        var labels = vm.main().tokenLabels();
        summary.setText("Switched off: " + vm.ablation() + (d.stage() == vm.main().stageProperty().get() ? ""
                : ". The ablated run skips " + vm.main().stageProperty().get().id() + ", so final maps are compared."));
        show(intact, intactTitle, VizAdapter.matrix(d.reference(), labels), "intact");
        show(ablated, ablatedTitle, VizAdapter.matrix(d.changed(), labels), "ablated");
        show(difference, differenceTitle, VizAdapter.difference(d, "ablated − intact", labels),
                String.format("ablated − intact (largest |change| %.4g)", d.maxAbs()));
        colourMaps();
        if (next != null) {
            divergence.setText(String.format("Next token after query %d (%s): KL(intact || ablated) = %.4f nats",
                    next.position(), vm.main().tokenLabel(next.position()), next.klDivergence()));
            nextTokens.getItems().setAll(next.tokens());
        }
    }

    private void show(HeatmapView view, Label title, Matrix matrix, String what) {
        title.setText(what);
        view.setMatrix(matrix);
        view.setMarkedKeys(VizAdapter.tokenRange(vm.main().markedKeysProperty().get()));
    }

    private void clear() {
        for (Label l : new Label[] {intactTitle, ablatedTitle, differenceTitle, divergence}) {
            l.setText("");
        }
        nextTokens.getItems().clear();
    }

    private void configureNextTokens() {
        nextTokens.setId("ablation-next-tokens");
        TableColumn<TokenShift, String> token = new TableColumn<>("next token");
        token.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(vm.main().tokenName(c.getValue().token())));
        TableColumn<TokenShift, String> before = new TableColumn<>("intact");
        before.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(percent(c.getValue().before())));
        TableColumn<TokenShift, String> after = new TableColumn<>("ablated");
        after.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(percent(c.getValue().after())));
        TableColumn<TokenShift, String> change = new TableColumn<>("change");
        change.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.format("%+.1f pts", 100 * c.getValue().change())));
        nextTokens.getColumns().addAll(java.util.List.of(token, before, after, change));
        nextTokens.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        nextTokens.setPrefHeight(220);
        nextTokens.setPlaceholder(new Label("No ablated run yet."));
    }

    private static String percent(double p) {
        return String.format("%.1f%%", 100 * p);
    }

    private static HeatmapView map(String id) {
        HeatmapView view = new HeatmapView();
        view.setId(id);
        view.setPrefSize(MAP_SIZE, MAP_SIZE);
        return view;
    }

    private static Label title() {
        Label label = new Label();
        label.getStyleClass().add("stage-title");
        label.setWrapText(true);
        return label;
    }

    private static VBox card(Label title, HeatmapView view) {
        VBox card = new VBox(6, title, view);
        card.getStyleClass().add("stage-card");
        card.setPrefWidth(0);
        card.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(card, Priority.ALWAYS);
        VBox.setVgrow(view, Priority.ALWAYS);
        return card;
    }
}
