package org.mtalens.app.change;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mtalens.app.work.LazyRefresh;
import org.mtalens.app.work.Refresh;
import org.mtalens.runtime.analysis.CellChange;
import org.mtalens.runtime.analysis.HeadChange;
import org.mtalens.viz.heatmap.HeatmapView;

/**
 * MTA change: a layer x head heat strip and a sortable table of how much MTA changed each head's attention
 * (mean JS divergence of {@code final} from plain attention, with the clipped negative mass), and the
 * selected head's cells where weight moved most; choosing a head selects it everywhere, choosing a cell
 * shows its explanation in the inspector. Ids: {@code change-strip}, {@code change-heads}, {@code change-cells}.
 */
public final class MtaChangeView {
    private final MtaChangeViewModel vm;
    private final HeatmapView strip = new HeatmapView();
    private final TableView<HeadChange> heads = new TableView<>();
    private final TableView<CellChange> cells = new TableView<>();
    private final Label cellsTitle = new Label();
    private final VBox root = new VBox(8);
    private final LazyRefresh refresh;
    private boolean showing;

    public MtaChangeView(MtaChangeViewModel vm, ObservableBooleanValue shown) {
        this.vm = vm;
        this.refresh = Refresh.whenShown(shown, vm::analyse, vm.main().traceProperty(),
                vm.main().layerProperty(), vm.main().headProperty());
        strip.setId("change-strip");
        strip.setPrefHeight(180);
        strip.addSelectionListener(cell -> {
            if (cell != null && !showing) {
                vm.headsProperty().get().stream().filter(h -> h.layer() == cell.row() && h.head() == cell.column())
                        .findFirst().ifPresent(vm::select);
            }
        });
        configureHeads();
        configureCells();
        Label explain = new Label("How much MTA changed each head's attention: the Jensen–Shannon divergence (nats, 0 to "
                + "ln 2 ≈ 0.693) between plain attention — the softmax of the head's scores — and its final map, averaged "
                + "over queries. Negative final weights are clipped to 0 and each row renormalised before comparing; "
                + "'clipped' is the share of the row's absolute weight that was negative.");
        explain.setWrapText(true);
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        cellsTitle.getStyleClass().add("inspector-subheading");
        cellsTitle.setWrapText(true);
        heads.setPrefWidth(400);
        heads.setMinWidth(340);
        HBox tables = new HBox(12, heads, new VBox(6, cellsTitle, cells));
        HBox.setHgrow(tables.getChildren().get(1), Priority.ALWAYS);
        VBox.setVgrow(cells, Priority.ALWAYS);
        VBox.setVgrow(tables, Priority.ALWAYS);
        root.getChildren().addAll(explain, strip, tables);
        root.setPadding(new Insets(8));
        vm.headsProperty().addListener((o, a, list) -> showHeads(list));
        vm.cellsProperty().addListener((o, a, list) -> showCells(list));
    }

    public Node node() {
        return root;
    }

    private void showHeads(List<HeadChange> list) {
        heads.getItems().setAll(list);
        heads.sort();
        var session = vm.main().sessionProperty().get();
        if (session == null || list.isEmpty()) {
            return;
        }
        var config = session.checkpoint().config();
        showing = true;
        strip.setMatrix(ChangeStrip.matrix(list, config.nLayers(), config.nHeads()));
        showing = false;
    }

    private void showCells(List<CellChange> list) {
        cellsTitle.setText("Layer " + vm.main().layerProperty().get() + " · head " + vm.main().headProperty().get()
                + ": cells where MTA moved weight (final − plain softmax), largest first");
        cells.getItems().setAll(list);
    }

    private void configureHeads() {
        heads.setId("change-heads");
        TableColumn<HeadChange, Number> divergence = number("JS (nats)", h -> h.meanDivergence(), "%.4f");
        heads.getColumns().addAll(List.of(number("layer", h -> h.layer(), "%d"), number("head", h -> h.head(), "%d"),
                divergence, number("clipped", h -> 100 * h.clippedMass(), "%.1f%%"),
                number("empty rows", h -> h.emptyRows(), "%d")));
        divergence.setSortType(TableColumn.SortType.DESCENDING);
        heads.getSortOrder().add(divergence);
        heads.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        heads.setPlaceholder(new Label("Run an input to see where MTA changed attention."));
        heads.getSelectionModel().selectedItemProperty().addListener((o, a, h) -> {
            if (h != null) {
                vm.select(h);
            }
        });
    }

    private void configureCells() {
        cells.setId("change-cells");
        TableColumn<CellChange, String> query = new TableColumn<>("query");
        query.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(token(c.getValue().query())));
        TableColumn<CellChange, String> key = new TableColumn<>("key");
        key.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(token(c.getValue().key())));
        cells.getColumns().addAll(List.of(query, key, cellNumber("plain", c -> c.plain()),
                cellNumber("final", c -> c.finalWeight()), cellNumber("final − plain", c -> c.difference())));
        cells.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        cells.setPlaceholder(new Label("This head's scores and final maps are not in the run."));
        cells.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                vm.jumpTo(c);
            }
        });
    }

    /** @return a position with its token, e.g. {@code 12 ^S} */
    private String token(int position) {
        return position + " " + vm.main().tokenLabel(position);
    }

    private static TableColumn<CellChange, Number> cellNumber(String title, Function<CellChange, Number> value) {
        return number(title, value, "%.4f");
    }

    private static <R> TableColumn<R, Number> number(String title, Function<R, Number> value, String format) {
        TableColumn<R, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator((a, b) -> Double.compare(a.doubleValue(), b.doubleValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.equals("%d") ? Integer.toString(item.intValue())
                        : String.format(format, item.doubleValue()));
            }
        });
        return column;
    }
}
