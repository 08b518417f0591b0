package org.mtalens.app.series;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.mtalens.runtime.analysis.KernelSeries;
import org.mtalens.runtime.analysis.KernelTrack;
import org.mtalens.viz.chart.Sparkline;
import org.mtalens.viz.chart.SparklinePoints;
import org.mtalens.viz.kernel.KernelStrip;

/**
 * Kernels across checkpoints: a table with one row per layer/kind/head (distance from the identity initialisation
 * per checkpoint, pattern at the last one) above the selected row's kernel at every checkpoint, side by side.
 * Ids: {@code series-table}, {@code series-kernels}, {@code series-status}, {@code series-error}.
 */
public final class KernelSeriesView extends BorderPane {
    private final KernelSeriesViewModel vm;
    private final TableView<KernelTrack> table = new TableView<>();
    private final KernelStrip kernels = new KernelStrip();

    public KernelSeriesView(KernelSeriesViewModel vm) {
        this.vm = vm;
        table.setId("series-table");
        table.setPlaceholder(new Label("No series loaded."));
        kernels.setId("series-kernels");
        Label status = new Label();
        status.setId("series-status");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("series-error");
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(vm.errorProperty());
        setTop(new VBox(4, status, error));
        BorderPane.setMargin(getTop(), new Insets(6));
        SplitPane split = new SplitPane(table, kernels);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
        vm.seriesProperty().addListener((o, a, s) -> showSeries(s));
        vm.selectedKernelsProperty().addListener((o, a, k) -> kernels.setKernels(k));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null && t != vm.selectedProperty().get()) {
                vm.select(t);
            }
        });
        vm.selectedProperty().addListener((o, a, t) -> table.getSelectionModel().select(t));
    }

    private void showSeries(KernelSeries series) {
        table.getColumns().setAll(java.util.List.of(
                column("layer", t -> Integer.toString(t.layer())),
                column("kind", KernelTrack::kind),
                column("head", t -> Integer.toString(t.head()))));
        for (int i = 0; i < series.labels().size(); i++) {
            int checkpoint = i;
            table.getColumns().add(column(series.labels().get(i), t -> String.format(Locale.ROOT, "%.3f",
                    t.snapshots().get(checkpoint).distanceFromIdentity())));
        }
        double top = series.tracks().stream().mapToDouble(t -> SparklinePoints.largest(t.distances())).max().orElse(0);
        table.getColumns().add(drift(top));
        table.getColumns().add(column("pattern", t -> t.last().pattern().id()));
        table.getItems().setAll(series.tracks());
    }

    private static TableColumn<KernelTrack, String> column(String title,
                                                           java.util.function.Function<KernelTrack, String> text) {
        TableColumn<KernelTrack, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setComparator(KernelSeriesView::numbersThenText);
        return column;
    }

    /** A sparkline of the row's distance from the identity initialisation over the checkpoints, all rows on one scale up to {@code top}. */
    private static TableColumn<KernelTrack, double[]> drift(double top) {
        TableColumn<KernelTrack, double[]> column = new TableColumn<>("over the run");
        column.setId("series-drift");
        column.setSortable(false);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().distances()));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final Sparkline line = new Sparkline(120, 18);

            @Override
            protected void updateItem(double[] distances, boolean empty) {
                super.updateItem(distances, empty);
                if (empty || distances == null) {
                    setGraphic(null);
                } else {
                    line.setValues(distances, top);
                    setGraphic(line);
                }
            }
        });
        column.setPrefWidth(140);
        return column;
    }

    /** Sorts cells holding numbers (layer, head, distances) by value, others as text. */
    static int numbersThenText(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /** The view model this view shows. */
    public KernelSeriesViewModel viewModel() {
        return vm;
    }
}
