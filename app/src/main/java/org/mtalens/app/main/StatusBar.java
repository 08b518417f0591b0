package org.mtalens.app.main;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.ModelSession;
import org.mtalens.runtime.model.ComputeDevice;

/** Status, progress with Cancel, and the device the model runs on. */
final class StatusBar {
    private final HBox root;

    StatusBar(MainViewModel vm) {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());
        Label device = new Label();
        device.setId("device");
        device.textProperty().bind(Bindings.createStringBinding(() -> {
            ModelSession session = vm.sessionProperty().get();
            return session == null ? "" : "device: " + session.runner().device();
        }, vm.sessionProperty()));
        Label scope = new Label();
        scope.setId("map-scope");
        scope.textProperty().bind(vm.scopeNoteProperty());
        scope.setMinWidth(0);
        device.tooltipProperty().bind(Bindings.createObjectBinding(() -> vm.sessionProperty().get() == null ? null
                : ComputeDevice.cpuFallback().map(why -> new Tooltip("no GPU: " + why)).orElse(null), vm.sessionProperty()));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        root = new HBox(10, status, progress, cancel, scope, spring, device);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(4, 10, 4, 10));
        root.getStyleClass().add("status-bar");
    }

    Node node() {
        return root;
    }
}
