package org.mtalens.app.main;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.adapt.VizAdapter;
import org.mtalens.app.session.ModelSession;
import org.mtalens.runtime.analysis.CellExplanation;
import org.mtalens.runtime.analysis.Contribution;
import org.mtalens.runtime.inspect.KernelDrift;
import org.mtalens.viz.kernel.HeadMixingView;
import org.mtalens.viz.kernel.KernelInspector;

/**
 * The inspector: the selected head's key-query kernels (before and after softmax) and the layer's head
 * mixing, each with how far it moved from its identity initialisation; then the selected cell and why
 * it has its value.
 */
final class InspectorView {
    private final MainViewModel vm;
    private final VBox content = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(content);
    private final Label cellSummary = new Label("Click a cell of a map after a convolution or head mixing to see why it has its value.");
    private final TableView<Contribution> terms = new TableView<>();
    private final Label termSum = new Label();

    InspectorView(MainViewModel vm) {
        this.vm = vm;
        content.setPadding(new Insets(10));
        content.setId("inspector");
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(420);
        scroll.setMinWidth(260);
        scroll.setId("inspector-scroll");
        cellSummary.setWrapText(true);
        cellSummary.setId("cell-summary");
        configureTerms();
        vm.sessionProperty().addListener((o, a, b) -> rebuild());
        vm.layerProperty().addListener((o, a, b) -> rebuild());
        vm.headProperty().addListener((o, a, b) -> rebuild());
        vm.editsProperty().addListener((o, a, b) -> rebuild()); // the kernels shown are the ones the run used
        vm.explanationProperty().addListener((o, a, e) -> showExplanation(e));
    }

    Node node() {
        return scroll;
    }

    private void rebuild() {
        content.getChildren().clear();
        ModelSession session = vm.sessionProperty().get();
        if (session == null) {
            return;
        }
        int layer = vm.layerProperty().get();
        int head = vm.headProperty().get();
        content.getChildren().add(heading("Layer " + layer + " · head " + head));
        for (boolean after : new boolean[] {false, true}) {
            VizAdapter.kernel(session.checkpoint(), vm.editsProperty().get(), layer, after).ifPresent(kernel -> {
                KernelInspector inspector = new KernelInspector(kernel);
                inspector.setId(after ? "kernel-post" : "kernel-pre");
                inspector.showHead(head);
                inspector.setPrefHeight(260);
                content.getChildren().addAll(subheading(kernel.title()),
                        drift(session, layer, after ? "mta_kernel_after_sm" : "mta_kernel"), inspector);
            });
            VizAdapter.headMixing(session.checkpoint(), vm.editsProperty().get(), layer, after).ifPresent(mixing -> {
                HeadMixingView view = new HeadMixingView(mixing);
                view.setId(after ? "mixing-post" : "mixing-pre");
                view.setPrefHeight(240);
                String kind = after ? (session.checkpoint().config().layerPlan(layer).headConvSize().isPresent() ? "head_kernel" : "wposm") : "wpsm";
                content.getChildren().addAll(subheading(mixing.title()), drift(session, layer, kind), view);
            });
        }
        if (content.getChildren().size() == 1) {
            content.getChildren().add(new Label("This layer is plain attention: no MTA kernels."));
        }
        content.getChildren().addAll(heading("Selected cell"), cellSummary, terms, termSum);
        showExplanation(vm.explanationProperty().get());
    }

    private static Label drift(ModelSession session, int layer, String kind) {
        Optional<KernelDrift> drift = session.inspection().kernels().stream()
                .filter(k -> k.layer() == layer && k.kind().equals(kind)).findFirst();
        int heads = session.checkpoint().config().nHeads();
        Label label = new Label(drift.map(d -> String.format("whole layer (all %d heads): distance from identity %.4f,"
                + " norm %.4f", heads, d.distanceFromIdentity(), d.norm())).orElse(""));
        label.setWrapText(true);
        label.getStyleClass().add("drift");
        return label;
    }

    private void showExplanation(CellExplanation e) {
        MainViewModel.SelectedCell cell = vm.cellProperty().get();
        List<String> labels = vm.tokenLabels();
        if (cell == null || labels.isEmpty()) {
            terms.getItems().clear();
            termSum.setText("");
            return;
        }
        String where = String.format("%s, query %d (%s), key %d (%s)", vm.stageProperty().get().id(), cell.query(),
                labels.get(cell.query()), cell.key(), labels.get(cell.key()));
        if (e == null) {
            float value = vm.map(vm.stageProperty().get()).map(m -> m.value(cell.query(), cell.key())).orElse(Float.NaN);
            cellSummary.setText(where + " = " + format(value)
                    + (cell.key() > cell.query() ? "\nA future key: masked." : "\nThis stage mixes nothing; pick a convolution or head-mixing stage."));
            terms.getItems().clear();
            termSum.setText("");
            return;
        }
        cellSummary.setText(where + " = " + format(e.value()) + "\nfrom " + e.inputStage().id() + ", largest terms first:");
        terms.getItems().setAll(e.contributions());
        termSum.setText(String.format("sum of terms = %s (cell %s)", format((float) e.sum()), format(e.value())));
    }

    private void configureTerms() {
        terms.setId("explanation");
        terms.setPrefHeight(260);
        terms.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        terms.getColumns().add(column("term", Contribution::description));
        terms.getColumns().add(column("input", c -> format(c.input())));
        terms.getColumns().add(column("weight", c -> format(c.weight())));
        terms.getColumns().add(column("input × weight", c -> format((float) c.value())));
    }

    private static TableColumn<Contribution, String> column(String title, java.util.function.Function<Contribution, String> text) {
        TableColumn<Contribution, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }

    private static String format(float v) {
        return String.format("%.5f", v);
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("inspector-heading");
        return label;
    }

    private static Label subheading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("inspector-subheading");
        return label;
    }
}
