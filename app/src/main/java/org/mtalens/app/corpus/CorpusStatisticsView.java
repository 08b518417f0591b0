package org.mtalens.app.corpus;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mtalens.runtime.corpus.CorpusSummary;
import org.mtalens.runtime.corpus.Statistic;
import org.mtalens.runtime.corpus.TopCell;

/**
 * The corpus statistics window: a statistic selector and its layer x head heat strip (means over the documents);
 * for the selected head, every statistic's distribution over the documents and the head's top cells (click one:
 * the main window opens its document at that cell); the failed documents.
 */
public final class CorpusStatisticsView extends BorderPane {
    private final CorpusStatisticsViewModel vm;
    private final HeatStrip strip = new HeatStrip();
    private final TableView<CorpusSummary.HeadDistribution> distributions = new TableView<>();
    private final TableView<TopCell> cells = new TableView<>();
    private final Label headTitle = new Label();
    private final Label failures = new Label();

    public CorpusStatisticsView(CorpusStatisticsViewModel vm) {
        this.vm = vm;
        ComboBox<Statistic> statistic = new ComboBox<>(FXCollections.observableArrayList(Statistic.values()));
        statistic.setId("corpus-statistic");
        statistic.valueProperty().bindBidirectional(vm.statisticProperty());
        Label status = new Label();
        status.setId("corpus-status");
        status.textProperty().bind(vm.statusProperty());
        HBox top = new HBox(10, new Label("Statistic"), statistic, status);
        top.setPadding(new Insets(8));
        setTop(top);

        distributions.setId("corpus-distribution");
        distributions.setPrefHeight(290);
        cells.setId("corpus-top-cells");
        cells.setRowFactory(table -> {
            TableRow<TopCell> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    vm.openCell(row.getItem());
                }
            });
            return row;
        });
        cellColumns();
        headTitle.setId("corpus-head-title");
        failures.setId("corpus-failures");
        failures.setWrapText(true);
        VBox centre = new VBox(8, strip, headTitle, distributions, new Label("Top cells by |final - plain| (click: open in the main window)"),
                cells, failures);
        centre.setPadding(new Insets(8));
        setCenter(centre);

        strip.onSelect(vm::select);
        vm.summaryProperty().addListener((o, a, b) -> refresh());
        vm.statisticProperty().addListener((o, a, b) -> refresh());
        vm.layerProperty().addListener((o, a, b) -> refresh());
        vm.headProperty().addListener((o, a, b) -> refresh());
    }

    private void refresh() {
        CorpusSummary summary = vm.summaryProperty().get();
        if (summary == null) {
            return;
        }
        double[][] means = new double[summary.layers()][summary.heads()];
        for (int layer = 0; layer < summary.layers(); layer++) {
            for (int head = 0; head < summary.heads(); head++) {
                means[layer][head] = vm.mean(layer, head);
            }
        }
        strip.show(means, vm.layerProperty().get(), vm.headProperty().get(), vm.statisticProperty().get().title());
        headTitle.setText("Layer " + vm.layerProperty().get() + ", head " + vm.headProperty().get() + ": distribution over the documents");
        distributionColumns(summary.quantileLevels());
        distributions.setItems(FXCollections.observableArrayList(vm.selectedDistributions()));
        cells.setItems(FXCollections.observableArrayList(vm.selectedCells()));
        failures.setText(summary.failed() == 0 ? "No document failed." : summary.failed() + " failed: " + String.join("; ",
                summary.failures().stream().limit(5).map(f -> f.id() + " (" + f.reason() + ")").toList())
                + (summary.failed() > 5 ? "; ... (failures/ in the output folder has all)" : ""));
    }

    private void distributionColumns(List<Double> levels) {
        distributions.getColumns().clear();
        distributions.getColumns().add(column("Statistic", d -> Statistic.valueOf(d.statistic().toUpperCase(Locale.ROOT)).title()));
        distributions.getColumns().add(column("Documents", d -> Long.toString(d.count())));
        distributions.getColumns().add(column("Mean", d -> number(d.mean())));
        distributions.getColumns().add(column("Std", d -> number(d.std())));
        for (int i = 0; i < levels.size(); i++) {
            int index = i;
            distributions.getColumns().add(column(String.format(Locale.ROOT, "p%.0f", levels.get(i) * 100),
                    d -> index < d.quantiles().size() ? number(d.quantiles().get(index)) : ""));
        }
    }

    private void cellColumns() {
        cells.getColumns().add(column("Document", TopCell::document));
        cells.getColumns().add(column("Query", c -> Integer.toString(c.query())));
        cells.getColumns().add(column("Key", c -> Integer.toString(c.key())));
        cells.getColumns().add(column("Plain", c -> number(c.plain())));
        cells.getColumns().add(column("Final", c -> number(c.finalWeight())));
        cells.getColumns().add(column("Change", c -> number(c.difference())));
        cells.getColumns().add(column("Query context", TopCell::queryContext));
        cells.getColumns().add(column("Key context", TopCell::keyContext));
        cells.getColumns().forEach(c -> c.setPrefWidth(c.getText().endsWith("context") ? 200 : 80));
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }

    static String number(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4g", v);
    }
}
