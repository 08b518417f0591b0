package org.mtalens.viz.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.TokenRange;
import org.mtalens.viz.raster.Viewport;
import org.mtalens.viz.testing.Snapshots;
import org.mtalens.viz.testing.SyntheticMaps;
import org.mtalens.viz.tokens.TokenStrip;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MarkedKeysTest {
    private static final int T = 12;
    private static final TokenRange BLOCK = new TokenRange(4, 8, "target block");
    private HeatmapView view;
    private TokenStrip strip;

    @Start
    void start(Stage stage) {
        view = new HeatmapView(SyntheticMaps.weights("layer 1 · head 2 · softmax", T, 7));
        strip = new TokenStrip(SyntheticMaps.tokens(T));
        stage.setScene(new Scene(new VBox(strip, view), 560, 600));
        stage.show();
    }

    private Rectangle band(FxRobot robot) {
        return robot.lookup(".heatmap-marked-band").queryAs(Rectangle.class);
    }

    /** The key column the map shows at pixel column {@code x} (the rasteriser samples each pixel's centre). */
    private int columnShownAt(double x) {
        return (int) Math.floor(view.getViewport().columnAt(x + 0.5));
    }

    private void assertBandCoversExactlyTheBlockColumns(FxRobot robot) {
        Rectangle band = band(robot);
        double left = band.getX();
        double right = band.getX() + band.getWidth();
        assertThat(band.isVisible()).isTrue();
        assertThat(left).isEqualTo(Math.rint(left));
        assertThat(right).isEqualTo(Math.rint(right));
        assertThat(columnShownAt(left)).isEqualTo(BLOCK.from());
        assertThat(columnShownAt(left - 1)).isEqualTo(BLOCK.from() - 1);
        assertThat(columnShownAt(right - 1)).isEqualTo(BLOCK.to() - 1);
        assertThat(columnShownAt(right)).isEqualTo(BLOCK.to());
        Viewport v = view.getViewport();
        assertThat(band.getY()).isCloseTo(Math.max(0, v.yOf(0)), org.assertj.core.data.Offset.offset(1.0));
        assertThat(band.getY() + band.getHeight()).isCloseTo(Math.min(view.plotHeight(), v.yOf(T)),
                org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void markingKeysDrawsABandAndLabelledBracketWithoutRerenderingTheMap(FxRobot robot) {
        long before = view.renderCount();
        robot.interact(() -> view.setMarkedKeys(BLOCK));

        assertThat(view.renderCount()).isEqualTo(before);
        assertThat(band(robot).isVisible()).isTrue();
        Label label = robot.lookup(".heatmap-marked-label").queryAs(Label.class);
        assertThat(label.getText()).isEqualTo("target block");
        assertThat(label.isVisible()).isTrue();

        robot.interact(() -> view.setMarkedKeys(null));
        assertThat(band(robot).isVisible()).isFalse();
        assertThat(view.renderCount()).isEqualTo(before);
    }

    @Test
    void theBandCoversExactlyTheMarkedColumnsWhenFittedZoomedAndPanned(FxRobot robot) {
        robot.interact(() -> view.setMarkedKeys(BLOCK));
        assertBandCoversExactlyTheBlockColumns(robot);
        double fittedWidth = band(robot).getWidth();

        robot.interact(() -> view.zoom(2.3));
        assertThat(band(robot).getWidth()).isGreaterThan(fittedWidth * 2);
        assertBandCoversExactlyTheBlockColumns(robot);

        robot.interact(() -> view.panBy(-37, 0));
        assertBandCoversExactlyTheBlockColumns(robot);
    }

    @Test
    void theTokenStripGivesTheChipsInTheRangeTheMarkedStyle(FxRobot robot) {
        robot.interact(() -> strip.markRange(BLOCK));
        for (int i = 0; i < T; i++) {
            assertThat(robot.lookup("#token-" + i).query().getStyleClass().contains("marked"))
                    .as("token %d marked", i).isEqualTo(i >= 4 && i < 8);
        }
        robot.interact(() -> strip.markRange(null));
        assertThat(robot.lookup(".marked").queryAll()).isEmpty();
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefusedNamingIt() {
        assertThatThrownBy(() -> new TokenRange(5, 3, "target block")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 5, to 3").hasMessageContaining("target block");
    }

    @Test
    void snapshotOfTheMarkedBlockInStripAndMap(FxRobot robot) {
        robot.interact(() -> {
            view.setMarkedKeys(BLOCK);
            strip.markRange(BLOCK);
            view.highlightToken(2);
            strip.highlight(2);
            view.selectedCellProperty().set(new Cell(10, 5));
        });
        robot.interact(() -> Snapshots.write(view.getParent(), "marked-keys"));
        robot.interact(() -> view.zoom(2.3));
        robot.interact(() -> Snapshots.write(view.getParent(), "marked-keys-zoomed"));
        assertThat(band(robot).isVisible()).isTrue();
    }
}
