package org.mtalens.viz.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.heatmap.HeatmapView;
import org.mtalens.viz.testing.Snapshots;
import org.mtalens.viz.testing.SyntheticMaps;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TokenStripTest {
    private TokenStrip strip;
    private HeatmapView map;
    private final List<Integer> told = new ArrayList<>();

    @Start
    void start(Stage stage) {
        strip = new TokenStrip(SyntheticMaps.tokens(12));
        map = new HeatmapView(SyntheticMaps.weights("layer 0 · head 1 · final", 12, 5));
        strip.addHoverListener(told::add);
        strip.addHoverListener(map::highlightToken);
        stage.setScene(new Scene(new VBox(strip, map), 560, 600));
        stage.show();
    }

    @Test
    void aLongInputScrollsInsideThreeRowsInsteadOfPushingTheMapAway(FxRobot robot) {
        double oneRow = strip.getHeight();
        robot.interact(() -> strip.setTokens(SyntheticMaps.tokens(4096)));
        robot.interact(() -> strip.getScene().getRoot().layout());
        assertThat(strip.getHeight()).as("strip height with 4096 tokens").isLessThan(oneRow * TokenStrip.VISIBLE_ROWS + 10);
        assertThat(map.getHeight()).as("the map below keeps its room").isGreaterThan(300);
        assertThat(robot.lookup("#token-4095").tryQuery()).isPresent();
    }

    @Test
    void chipsShowTokenTextWithVisibleSpaces(FxRobot robot) {
        assertThat(robot.lookup("#token-2").queryLabeled().getText()).isEqualTo("\u2423cat");
    }

    @Test
    void hoveringATokenTellsTheListenerAndTheMapHighlightsItsRowAndColumn(FxRobot robot) {
        robot.moveTo("#token-5");
        assertThat(told).endsWith(5);
        assertThat(map.highlightedTokenProperty().get()).isEqualTo(5);
        robot.interact(() -> Snapshots.write(robot.lookup(".token-strip").query().getParent(), "token-strip-and-map"));

        robot.moveTo(map);
        assertThat(told).endsWith(-1);
    }
}
