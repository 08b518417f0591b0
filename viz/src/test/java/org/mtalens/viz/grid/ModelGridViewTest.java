package org.mtalens.viz.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.testing.Snapshots;
import org.mtalens.viz.testing.SyntheticMaps;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ModelGridViewTest {
    private ModelGridView grid;

    @Start
    void start(Stage stage) {
        grid = new ModelGridView();
        grid.show("softmax", 4, 6, Set.of(1, 3),
                (layer, head) -> layer == 2 && head == 5 ? null : SyntheticMaps.weights("m", 64, layer * 10L + head));
        stage.setScene(new Scene(grid, 480, 360));
        stage.show();
    }

    @Test
    void thumbnailsAppearInTheBackgroundAndAClickSelectsOne(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> grid.readyProperty().get() == 24);
        AtomicReference<GridCell> told = new AtomicReference<>();
        robot.interact(() -> grid.addSelectionListener(told::set));

        robot.clickOn("#thumb-3-4");

        assertThat(told.get()).isEqualTo(new GridCell(3, 4));
        assertThat(robot.lookup("#thumb-3-4").query().getStyleClass()).contains("selected", "mta-layer");
        assertThat(robot.lookup("#thumb-0-4").query().getStyleClass()).doesNotContain("mta-layer");
        robot.interact(() -> Snapshots.write(grid, "model-grid-4x6"));
    }
}
