package org.mtalens.viz.layout;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.heatmap.HeatmapView;
import org.mtalens.viz.testing.SyntheticMaps;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MapTilePaneTest {
    private MapTilePane pane;
    private Stage stage;

    /** Its own window: resizing the shared primary stage would leak its size into later test classes. */
    @Start
    void start(Stage primary) {
        stage = new Stage();
        pane = new MapTilePane();
        for (int i = 0; i < 8; i++) {
            pane.getChildren().add(new HeatmapView(SyntheticMaps.weights("stage " + i, 24, i)));
        }
        stage.setScene(new Scene(pane.inScrollPane(), 1900, 1100));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void mapsGrowWithTheWindowAndReflowWhenItNarrows(FxRobot robot) {
        Region first = (Region) pane.getChildren().get(0);
        assertThat(first.getWidth()).isGreaterThan(450);
        assertThat(pane.getChildren().get(3).getLayoutY()).isEqualTo(first.getLayoutY());
        assertThat(pane.getChildren().get(4).getLayoutY()).isGreaterThan(first.getLayoutY());

        robot.interact(() -> {
            stage.setWidth(700);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(first.getWidth()).isBetween(240.0, 700.0);
        assertThat(pane.getChildren().get(1).getLayoutY()).isEqualTo(first.getLayoutY());
        assertThat(pane.getChildren().get(2).getLayoutY()).isGreaterThan(first.getLayoutY());
    }
}
