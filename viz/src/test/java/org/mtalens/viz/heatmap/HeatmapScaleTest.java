package org.mtalens.viz.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.RangeRule;
import org.mtalens.viz.colour.ScaleLegend;
import org.mtalens.viz.colour.ScaleSharing;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.colour.ValueSummary;
import org.mtalens.viz.raster.Viewport;
import org.mtalens.viz.testing.Snapshots;
import org.mtalens.viz.testing.SyntheticMaps;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HeatmapScaleTest {
    private static final int T = 64;
    private HeatmapView view;
    private Matrix map;

    /** Like the tiny fixture's layer 0 head 0 final map: mostly negative, from -0.683 to 0.009, labelled weights. */
    static Matrix negativeFinal() {
        float[] v = new float[T * T];
        for (int r = 0; r < T; r++) {
            for (int c = 0; c <= r; c++) {
                v[r * T + c] = (r + c) % 9 == 0 ? 0.009f * c / T : -0.6f * (c + 1) / (r + 1);
            }
        }
        v[T + 1] = 0.009f;
        v[5 * T + 5] = -0.683f;
        return new Matrix("layer 0 \u00b7 head 0 \u00b7 final", T, T, v, SyntheticMaps.tokens(T), SyntheticMaps.tokens(T),
                ValueKind.WEIGHT, true);
    }

    @Start
    void start(Stage stage) {
        map = negativeFinal();
        view = new HeatmapView(map);
        stage.setScene(new Scene(view, 640, 560));
        stage.show();
    }

    @Test
    void aMapWithNegativeWeightsIsDrawnDivergingAndTheBarMarksItsMinAndMax(FxRobot robot) {
        ColourScale s = view.effectiveColourScale();
        assertThat(s.map().isDiverging()).isTrue();
        assertThat(s.min()).isLessThanOrEqualTo(-0.683f);
        assertThat(view.legendProperty().get().dataMin()).isEqualTo(-0.683f);
        assertThat(robot.lookup(".colour-bar-min").queryAs(Label.class).getText()).isEqualTo("min -0.683");
        assertThat(robot.lookup(".colour-bar-max").queryAs(Label.class).getText()).isEqualTo("max 0.009");
        robot.interact(() -> Snapshots.write(view, "heatmap-negative-final"));
    }

    @Test
    void zoomingToACellShowsItsExactValueInTheCell(FxRobot robot) {
        assertThat(view.shownCellValues()).isEmpty();
        javafx.scene.Node plot = view.lookup(".heatmap-plot");
        robot.interact(() -> view.showCell(40, 12, 1));
        Viewport v = view.getViewport();
        robot.clickOn(plot.localToScreen(v.xOf(12.5), v.yOf(40.5)));
        for (int i = 0; i < 40 && view.getViewport().pixelsPerCell() < CellValues.MIN_PIXELS; i++) {
            robot.scroll(1, VerticalDirection.DOWN); // the headless glass robot's DOWN is a positive wheel delta: zoom in
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.getViewport().pixelsPerCell()).isGreaterThanOrEqualTo(CellValues.MIN_PIXELS);
        assertThat(view.shownCellValues()).containsEntry(new Cell(40, 12), HoverText.number(map.value(40, 12)));
        assertThat(view.shownCellValues()).doesNotContainKey(new Cell(12, 40)); // masked: blank
        assertThat(view.isMinimapShown()).isTrue();
        robot.interact(() -> Snapshots.write(view, "heatmap-zoomed-values"));

        robot.doubleClickOn(plot);
        assertThat(view.getViewport().pixelsPerCell())
                .isEqualTo(Viewport.fit(T, T, plot.getLayoutBounds().getWidth(), plot.getLayoutBounds().getHeight())
                        .pixelsPerCell());
        assertThat(view.isMinimapShown()).isFalse();
        assertThat(view.shownCellValues()).isEmpty();
    }

    @Test
    void aPercentileRangeClipsAndTheBarCountsTheClippedCells(FxRobot robot) {
        robot.interact(() -> view.setScaleSpec(ScaleSpec.PER_MAP.withRange(RangeRule.percentile(90))));
        ScaleLegend legend = view.legendProperty().get();
        assertThat(legend.scale().clip()).isTrue();
        long below = 0;
        for (int r = 0; r < T; r++) {
            for (int c = 0; c <= r; c++) {
                below += map.value(r, c) < legend.scale().min() ? 1 : 0;
            }
        }
        assertThat(legend.clippedBelow()).isEqualTo(below).isPositive();
        assertThat(robot.lookup(".colour-bar-below").queryAs(Label.class).getText()).isEqualTo(below + " below");
    }

    @Test
    void aSharedRangeSpansTheOtherMapsToo(FxRobot robot) {
        ValueSummary layer = ValueSummary.of(SyntheticMaps.weights("head 1", T, 3));
        robot.interact(() -> {
            view.setSharedData(layer);
            view.setScaleSpec(ScaleSpec.PER_MAP.withSharing(ScaleSharing.LAYER));
        });
        ColourScale s = view.effectiveColourScale();
        assertThat(s.max()).isGreaterThanOrEqualTo(layer.max());
        assertThat(s.min()).isLessThanOrEqualTo(-0.683f);
        assertThat(view.legendProperty().get().sharedBy()).isEqualTo("all heads of the layer");
        assertThat(List.of(view.legendProperty().get().dataMax())).containsExactly((double) 0.009f);
    }
}
