package org.mtalens.app.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtalens.app.main.MtaLensApplication;
import org.mtalens.app.testing.RunningApp;
import org.mtalens.app.testing.Snapshots;
import org.mtalens.viz.colour.ColourMap;
import org.mtalens.viz.heatmap.HeatmapView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode on the bundled sample, headless, looked at 1920x1080. */
class PresentationModeTest {
    private final FxRobot robot = new FxRobot();
    private MtaLensApplication app;

    @BeforeEach
    void openTheSample() throws Exception {
        app = RunningApp.startOn(null);
    }

    @AfterEach
    void close() throws Exception {
        RunningApp.stop(app);
    }

    private BorderPane window() {
        return (BorderPane) app.view().root();
    }

    private List<HeatmapView> maps() {
        return robot.lookup(n -> n instanceof HeatmapView).queryAllAs(HeatmapView.class).stream()
                .filter(Node::isVisible).toList();
    }

    private Stage stage() {
        return (Stage) window().getScene().getWindow();
    }

    @Test
    void f11ShowsTheSelectedMapAloneInLargeTypeAndColourBlindSafeColoursAndF11AgainRestoresTheWindow() throws Exception {
        Node outline = window().getLeft();
        Node inspector = window().getRight();
        Node tabs = window().getCenter();
        robot.clickOn("#tab-pipeline").type(KeyCode.F11);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.view().presentation().onProperty().get());
        robot.interact(() -> {
            stage().setFullScreen(false);
            stage().setX(0);
            stage().setY(0);
            stage().setWidth(1920);
            stage().setHeight(1080);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window().getLeft()).as("outline hidden: one view at a time").isNull();
        assertThat(window().getRight()).as("inspector hidden").isNull();
        assertThat(maps()).as("one map").containsExactly(app.view().presentation().map());
        HeatmapView map = app.view().presentation().map();
        assertThat(map.getMatrix().values()).as("the selected map").containsExactly(app.viewModel().map(
                app.viewModel().stageProperty().get()).orElseThrow().values());
        assertThat(map.getScaleX()).as("magnified: its labels and lines grow with it").isGreaterThan(1.5);
        assertThat(map.getScaleSpec().sequential()).isEqualTo(ColourMap.CIVIDIS);
        assertThat(map.getScaleSpec().diverging()).isEqualTo(ColourMap.BLUE_WHITE_RED);
        Label title = robot.lookup("#presentation-title").queryAs(Label.class);
        assertThat(title.getFont().getSize()).isGreaterThanOrEqualTo(36);
        assertThat(title.getText()).isEqualTo("Layer 0 · head 0 · final");
        robot.interact(() -> Snapshots.write(window().getScene(), "presentation-1920x1080"));

        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> title.getText().equals("Layer 0 · head 1 · final"));

        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.view().presentation().onProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window().getLeft()).isSameAs(outline);
        assertThat(window().getRight()).isSameAs(inspector);
        assertThat(window().getCenter()).isSameAs(tabs);
        assertThat(maps()).isNotEmpty().allSatisfy(m -> assertThat(m.getScaleSpec().sequential()).isEqualTo(ColourMap.VIRIDIS));
    }
}
