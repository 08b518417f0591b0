package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtalens.app.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class FirstWindowTest {
    private final FxRobot robot = new FxRobot();

    private javafx.application.Application application;

    @BeforeEach
    void startTheRealApplication() throws Exception {
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(MtaLensApplication.class);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(application);
        FxToolkit.cleanupStages();
    }

    @Test
    void opensAMainWindowTitledMtaLensThatSaysWhatToDo() throws Exception {
        Window window = robot.window(w -> w instanceof Stage s && MtaLensApplication.TITLE.equals(s.getTitle()));
        assertThat(window.isShowing()).isTrue();
        Label title = robot.lookup("#empty-state .label").queryAs(Label.class);
        assertThat(title.getText()).contains("No checkpoint open");

        AtomicReference<Path> png = new AtomicReference<>();
        robot.interact(() -> png.set(Snapshots.write(window.getScene(), "first-window")));
        assertThat(png.get()).exists();
        assertThat(Files.size(png.get())).isGreaterThan(1000);
    }
}
