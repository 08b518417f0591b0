package org.mtalens.app;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The main window's content. Until a checkpoint is open it shows what to do. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();

    public MainWindow() {
        root.setId("main-window");
        root.setCenter(emptyState());
    }

    public Parent root() {
        return root;
    }

    private static VBox emptyState() {
        Label title = new Label("No checkpoint open");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label hint = new Label("Open an MTA checkpoint (a folder with consolidated/consolidated.pth or model.safetensors)\n"
                + "to see every layer's and head's attention maps before and after MTA.");
        hint.setWrapText(true);
        VBox box = new VBox(12, title, hint);
        box.setId("empty-state");
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
