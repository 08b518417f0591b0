package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtalens.app.main.MtaLensApplication;
import org.mtalens.app.testing.RunningApp;
import org.mtalens.app.testing.Snapshots;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.viz.heatmap.HeatmapView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window's layout at the sizes people use: nothing cut to "...", the inspector inside, maps growing. */
class WindowLayoutTest {
    private final FxRobot robot = new FxRobot();
    private MtaLensApplication app;

    @BeforeEach
    void openTheTinyFixture() throws Exception {
        app = RunningApp.startOn(TestCheckpoints.fixture("tiny"));
    }

    @AfterEach
    void close() throws Exception {
        resize(1440, 900); // the primary stage outlives this test: later tests expect the app's own size
        RunningApp.stop(app);
    }

    private Window resize(double width, double height) {
        Window window = robot.window(w -> w instanceof javafx.stage.Stage s && s.getTitle().startsWith("tiny"));
        robot.interact(() -> {
            window.setWidth(width);
            window.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    /** @return the text a labelled control shows (its skin's text node: "..." when cut) */
    private static String shownText(Labeled control) {
        Node text = control.lookup(".text");
        return text instanceof Text t ? t.getText() : "";
    }

    /** @return the width the first row of pipeline maps spans, from the first map's left edge to the last's right */
    private double firstRowWidth() {
        javafx.scene.layout.Pane tiles = robot.lookup("#pipeline").queryAs(javafx.scene.layout.Pane.class);
        double top = tiles.getChildren().get(0).getBoundsInParent().getMinY();
        return tiles.getChildren().stream().map(Node::getBoundsInParent).filter(b -> b.getMinY() == top)
                .mapToDouble(Bounds::getMaxX).max().orElse(0) - tiles.getChildren().get(0).getBoundsInParent().getMinX();
    }

    private double pipelineWidth() {
        javafx.scene.layout.Pane tiles = robot.lookup("#pipeline").queryAs(javafx.scene.layout.Pane.class);
        return tiles.getWidth() - tiles.getPadding().getLeft() - tiles.getPadding().getRight();
    }

    @Test
    void at1280x720TheInputBarsButtonsShowTheirWholeText() throws Exception {
        Window window = resize(1280, 720);
        for (String id : List.of("#input-ids", "#input-text", "#add-bos", "#run", "#generate", "#head-0", "#head-3")) {
            Labeled control = robot.lookup(id).queryAs(Labeled.class);
            assertThat(shownText(control)).as(id).isEqualTo(control.getText());
            Bounds b = control.localToScene(control.getBoundsInLocal());
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(window.getScene().getWidth());
        }
        robot.interact(() -> Snapshots.write(window.getScene(), "layout-1280x720"));
    }

    @Test
    void theInspectorStaysInsideTheWindowAndTheMapsGrowWithIt() {
        Window window = resize(1280, 720);
        Node inspector = robot.lookup("#inspector-scroll").query();
        assertThat(inspector.localToScene(inspector.getBoundsInLocal()).getMaxX())
                .isLessThanOrEqualTo(window.getScene().getWidth() + 0.5);
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) inspector;
        assertThat(scroll.getContent().getLayoutBounds().getWidth()).as("the inspector's content fits its width")
                .isLessThanOrEqualTo(scroll.getViewportBounds().getWidth() + 0.5);
        double small = firstRowWidth();
        assertThat(small).isGreaterThan(0.9 * pipelineWidth());
        double mapSide = robot.lookup("#map-final").queryAs(HeatmapView.class).getWidth();
        resize(1900, 1180);
        assertThat(firstRowWidth()).isGreaterThan(0.9 * pipelineWidth()).isGreaterThan(small * 1.3);
        assertThat(robot.lookup("#map-final").queryAs(HeatmapView.class).getWidth()).isGreaterThanOrEqualTo(mapSide * 0.9);
        assertThat(inspector.localToScene(inspector.getBoundsInLocal()).getMaxX())
                .isLessThanOrEqualTo(window.getScene().getWidth() + 0.5);
    }
}
