package org.mtalens.app.main;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.ModelSession;
import org.mtalens.runtime.inspect.InspectionJson;
import org.mtalens.runtime.inspect.KernelDrift;
import org.mtalens.runtime.inspect.ParameterRow;

/** Checkpoint info: the config as a property sheet, the parameters (sortable, filterable), the kernels' drift. */
final class CheckpointInfoView {
    private final PropertySheet config = new PropertySheet();
    private final TableView<ParameterRow> parameters = new TableView<>();
    private final TableView<KernelDrift> kernels = new TableView<>();
    private final TextField filter = new TextField();
    private final Label total = new Label();
    private final SplitPane root;

    CheckpointInfoView(MainViewModel vm) {
        config.setId("config-sheet");
        config.setModeSwitcherVisible(false);
        config.setMode(PropertySheet.Mode.CATEGORY);
        parameters.setId("parameters");
        kernels.setId("kernel-drift");
        filter.setPromptText("filter parameters, e.g. mta_kernel");
        filter.setId("parameter-filter");
        parameters.getColumns().add(CheckpointInfoView.<ParameterRow>column("name", ParameterRow::name));
        parameters.getColumns().add(CheckpointInfoView.<ParameterRow>column("shape", r -> Arrays.toString(r.shape())));
        parameters.getColumns().add(CheckpointInfoView.<ParameterRow>column("dtype", r -> String.valueOf(r.dtype())));
        parameters.getColumns().add(CheckpointInfoView.<ParameterRow>number("count", r -> (double) r.count()));
        parameters.getColumns().add(CheckpointInfoView.<ParameterRow>number("L2 norm", ParameterRow::l2Norm));
        kernels.getColumns().add(CheckpointInfoView.<KernelDrift>column("kernel", KernelDrift::name));
        kernels.getColumns().add(CheckpointInfoView.<KernelDrift>number("norm", KernelDrift::norm));
        kernels.getColumns().add(CheckpointInfoView.<KernelDrift>number("distance from identity", KernelDrift::distanceFromIdentity));
        VBox tables = new VBox(6, filter, parameters, total, new Label("MTA kernels and how far training moved them"), kernels);
        tables.setPadding(new Insets(8));
        root = new SplitPane(config, tables);
        root.setDividerPositions(0.4);
        vm.sessionProperty().addListener((o, a, session) -> show(session));
    }

    Node node() {
        return root;
    }

    private void show(ModelSession session) {
        if (session == null) {
            return;
        }
        config.getItems().setAll(ConfigProperties.of(session.checkpoint().config()));
        FilteredList<ParameterRow> filtered = new FilteredList<>(FXCollections.observableArrayList(session.inspection().parameters()));
        filter.textProperty().addListener((o, a, text) -> filtered.setPredicate(r -> text == null || r.name().contains(text.trim())));
        SortedList<ParameterRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(parameters.comparatorProperty());
        parameters.setItems(sorted);
        kernels.getItems().setAll(session.inspection().kernels());
        total.setText(String.format("%,d parameters (a tied output counted once); format %s", session.inspection().totalParameters(),
                session.checkpoint().format().description()));
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private static <T> TableColumn<T, Double> number(String title, java.util.function.Function<T, Double> value) {
        TableColumn<T, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    /** The config's fields as read-only property-sheet items, model arguments and MTA arguments as categories. */
    static final class ConfigProperties {
        private ConfigProperties() {
        }

        @SuppressWarnings("unchecked")
        static List<PropertySheet.Item> of(org.mtalens.runtime.config.ModelConfig config) {
            List<PropertySheet.Item> items = new ArrayList<>();
            InspectionJson.configFields(config).forEach((name, value) -> {
                if (value instanceof Map<?, ?> nested) {
                    ((Map<String, Object>) nested).forEach((n, v) -> items.add(new Item(name, n, v)));
                } else {
                    items.add(new Item("model", name, value));
                }
            });
            return items;
        }
    }

    /** One read-only config field. */
    record Item(String getCategory, String getName, Object value) implements PropertySheet.Item {
        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getDescription() {
            return getCategory + "." + getName;
        }

        @Override
        public Object getValue() {
            return String.valueOf(value);
        }

        @Override
        public void setValue(Object ignored) {
        }

        @Override
        public boolean isEditable() {
            return false;
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
