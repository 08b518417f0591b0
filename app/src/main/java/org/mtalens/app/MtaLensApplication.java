package org.mtalens.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one main window titled "MTA Lens". */
public final class MtaLensApplication extends Application {
    public static final String TITLE = "MTA Lens";

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow();
        Scene scene = new Scene(window.root(), 1280, 800);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.show();
    }
}
