package org.mtalens.viz.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.TokenRange;
import org.mtalens.viz.heatmap.Cell;
import org.mtalens.viz.heatmap.HeatmapView;
import org.mtalens.viz.raster.Viewport;
import org.mtalens.viz.testing.Snapshots;
import org.mtalens.viz.testing.SyntheticMaps;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class BeforeAfterViewTest {
    private BeforeAfterView view;
    private Matrix before;
    private Matrix after;

    @Start
    void start(Stage stage) {
        before = SyntheticMaps.weights("layer 1 · head 0 · softmax", 12, 3);
        after = SyntheticMaps.weights("layer 1 · head 0 · post_sm_conv", 12, 4);
        view = new BeforeAfterView(before, after);
        stage.setScene(new Scene(view, 1200, 460));
        stage.show();
    }

    private Point2D cellOnScreen(HeatmapView map, int row, int column) {
        AtomicReference<Point2D> p = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(2000, () -> {
            Viewport v = map.getViewport();
            p.set(map.lookup(".heatmap-plot").localToScreen(v.xOf(column + 0.5), v.yOf(row + 0.5)));
        });
        return p.get();
    }

    @Test
    void hoveringOneMapPutsTheCrosshairOnTheSameCellInAllThreeAndReadsThemAll(FxRobot robot) {
        robot.moveTo(cellOnScreen(view.after(), 5, 2));

        Cell cell = new Cell(5, 2);
        assertThat(view.before().hoverCellProperty().get()).isEqualTo(cell);
        assertThat(view.difference().hoverCellProperty().get()).isEqualTo(cell);
        float diff = after.value(5, 2) - before.value(5, 2);
        assertThat(view.readoutTextProperty().get())
                .contains(String.format(java.util.Locale.ROOT, "before %.4f", before.value(5, 2)))
                .contains(String.format(java.util.Locale.ROOT, "after %.4f", after.value(5, 2)))
                .contains(String.format(java.util.Locale.ROOT, "difference %s%.4f", diff > 0 ? "+" : "", diff));
    }

    @Test
    void zoomingOneMapZoomsAndPansTheOthersTheSame(FxRobot robot) {
        robot.clickOn(cellOnScreen(view.difference(), 8, 8));
        robot.type(KeyCode.PLUS, 3);
        robot.drag(cellOnScreen(view.difference(), 6, 6)).dropBy(30, 20);

        Viewport v = view.difference().getViewport();
        assertThat(v.pixelsPerCell()).isGreaterThan(40);
        assertThat(view.before().getViewport()).isEqualTo(v);
        assertThat(view.after().getViewport()).isEqualTo(v);
    }

    @Test
    void beforeAndAfterShareOneScaleAndTheDifferenceIsDivergingAroundZero(FxRobot robot) {
        assertThat(view.before().effectiveColourScale()).isEqualTo(view.after().effectiveColourScale());
        assertThat(view.difference().effectiveColourScale().map().isDiverging()).isTrue();
        assertThat(view.difference().getMatrix().value(7, 3)).isEqualTo(after.value(7, 3) - before.value(7, 3));
        robot.moveTo(cellOnScreen(view.before(), 9, 4));
        robot.interact(() -> Snapshots.write(view, "before-after-t12"));
    }

    @Test
    void markingKeysMarksAllThreeMapsWithoutRerenderingThem(FxRobot robot) {
        long[] renders = {view.before().renderCount(), view.after().renderCount(), view.difference().renderCount()};
        TokenRange block = new TokenRange(3, 6, "target block");
        robot.interact(() -> view.markKeys(block));

        for (HeatmapView map : new HeatmapView[] {view.before(), view.after(), view.difference()}) {
            assertThat(map.getMarkedKeys()).isEqualTo(block);
            assertThat(map.lookup(".heatmap-marked-band").isVisible()).as(map.getMatrix().title()).isTrue();
        }
        assertThat(new long[] {view.before().renderCount(), view.after().renderCount(),
                view.difference().renderCount()}).containsExactly(renders);
        robot.interact(() -> Snapshots.write(view, "before-after-marked-keys"));

        robot.interact(() -> view.markKeys(null));
        assertThat(view.difference().lookup(".heatmap-marked-band").isVisible()).isFalse();
    }
}
