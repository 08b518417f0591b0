package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mtalens.app.testing.TinyAppWindow;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.RangeRule;
import org.mtalens.viz.colour.ScaleLegend;
import org.mtalens.viz.colour.ScaleSharing;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.grid.GridCell;
import org.mtalens.viz.grid.ModelGridView;
import org.mtalens.viz.heatmap.Cell;
import org.mtalens.viz.heatmap.HeatmapView;
import org.testfx.util.WaitForAsyncUtils;

/** Colour scales and zoom of the app's maps, on the official "tiny" fixture: sign visible, scales shared, cells read. */
class MapScalesWindowTest extends TinyAppWindow {
    private void showLayerAndHead(int layer, int head) {
        robot.interact(() -> {
            vm().layerProperty().set(layer);
            vm().headProperty().set(head);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private HeatmapView map(Stage stage) {
        return robot.lookup("#map-" + stage.id()).queryAs(HeatmapView.class);
    }

    @Test
    void aFinalMapWithNegativeWeightsIsDrawnOnADivergingScaleSpanningItsMinimum() {
        showLayerAndHead(0, 0);
        ScaleLegend legend = map(Stage.FINAL).legendProperty().get();
        assertThat(legend.kind()).isEqualTo("diverging");
        assertThat(legend.dataMin()).isCloseTo(-0.683, within(5e-4));
        assertThat(legend.scale().min()).isLessThanOrEqualTo(legend.dataMin());
        assertThat(legend.scale().max()).isGreaterThanOrEqualTo(legend.dataMax());
        assertThat(legend.scale().position(0)).isCloseTo(0.5, within(1e-9));
    }

    /** @return the largest |score| of each head of layer 0 (every head held: the tiny fixture fits) */
    private double[] layerZeroScoresAbsMaxPerHead() {
        showLayerAndHead(0, 0);
        double[] absMax = new double[vm().sessionProperty().get().checkpoint().config().nHeads()];
        for (AttentionMap m : vm().layerMapsProperty().get().maps()) {
            if (m.stage() == Stage.SCORES) {
                for (int q = 0; q < m.tokens(); q++) {
                    for (int k = 0; k <= q; k++) {
                        absMax[m.head()] = Math.max(absMax[m.head()], Math.abs(m.value(q, k)));
                    }
                }
            }
        }
        return absMax;
    }

    private static int quietestHead(double[] absMax) {
        int quietest = 0;
        for (int h = 1; h < absMax.length; h++) {
            quietest = absMax[h] < absMax[quietest] ? h : quietest;
        }
        return quietest;
    }

    @Test
    void sharingByLayerSpansEveryHeadsMapAtThatStage() {
        double[] absMax = layerZeroScoresAbsMaxPerHead();
        int quietest = quietestHead(absMax);
        double layerAbsMax = java.util.Arrays.stream(absMax).max().orElseThrow();
        showLayerAndHead(0, quietest);
        assertThat(map(Stage.SCORES).legendProperty().get().scale().max()).isCloseTo(absMax[quietest], within(1e-6));
        robot.interact(() -> vm().scaleSpecProperty().set(ScaleSpec.PER_MAP.withSharing(ScaleSharing.LAYER)));
        WaitForAsyncUtils.waitForFxEvents();
        ScaleLegend legend = map(Stage.SCORES).legendProperty().get();
        assertThat(legend.sharedBy()).isEqualTo("all heads of the layer");
        assertThat(legend.scale().max()).isCloseTo(layerAbsMax, within(1e-6));
        assertThat(layerAbsMax).isGreaterThan(absMax[quietest]);
    }

    @Test
    void aPercentileClipCountsTheClippedCellsInTheLegend() {
        showLayerAndHead(0, 0);
        robot.interact(() -> vm().scaleSpecProperty().set(ScaleSpec.PER_MAP.withRange(new RangeRule.Percentile(90))));
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapView scores = map(Stage.SCORES);
        ScaleLegend legend = scores.legendProperty().get();
        ColourScale scale = legend.scale();
        long beyond = 0;
        var m = scores.getMatrix();
        for (int q = 0; q < m.rows(); q++) {
            for (int k = 0; k <= q; k++) {
                float v = m.value(q, k);
                beyond += v > scale.max() || v < scale.min() ? 1 : 0;
            }
        }
        assertThat(beyond).isGreaterThan(0);
        assertThat(legend.clipped()).isEqualTo(beyond);
    }

    @Test
    void whenOnlyTheShownHeadIsHeldTheLayerRangeStillSpansEveryHead() throws Exception {
        double[] absMax = layerZeroScoresAbsMaxPerHead();
        int quietest = quietestHead(absMax);
        double layerAbsMax = java.util.Arrays.stream(absMax).max().orElseThrow();
        showLayerAndHead(0, quietest);
        robot.interact(() -> { // a budget that holds one head's stages only, as for a long input on a small machine
            var session = vm().sessionProperty().get();
            var config = session.checkpoint().config();
            int tokens = vm().traceProperty().get().length();
            long oneHead = config.layerPlan(0).stages().size() * org.mtalens.runtime.model.AttentionMap.bytes(tokens);
            session.runner().setBudget(new org.mtalens.runtime.model.MemoryBudget(org.mtalens.runtime.model.Trace.bytes(
                    config, tokens) + oneHead * 3 / 2));
            vm().run();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm().scopeNoteProperty().get().isEmpty()
                && vm().layerMapsProperty().get() != null && !vm().busyProperty().get());
        int shown = quietest;
        assertThat(vm().layerMapsProperty().get().maps()).allMatch(m -> m.head() == shown);

        robot.interact(() -> vm().scaleSpecProperty().set(ScaleSpec.PER_MAP.withSharing(ScaleSharing.LAYER)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Math.abs(map(Stage.SCORES).legendProperty().get().scale().max()
                - layerAbsMax) < 1e-6);
        assertThat(layerAbsMax).as("another head reaches further than the one held").isGreaterThan(absMax[quietest]);
        assertThat(map(Stage.SCORES).legendProperty().get().sharedBy()).isEqualTo("all heads of the layer");
    }

    @Test
    void whileTheGridIsShownTheOutlineMarksTheStageItDrawsAndPicksTheStageItDraws() {
        showLayerAndHead(1, 0);
        robot.interact(() -> vm().stageProperty().set(Stage.PRE_SM_CONV));
        robot.interact(() -> app.view().centre().getSelectionModel().select(2));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Stage> gridStage = robot.lookup("#grid-stage").queryAs(javafx.scene.control.ChoiceBox.class);
        assertThat(vm().stageProperty().get()).as("the grid draws final by default; the outline follows")
                .isEqualTo(gridStage.getValue()).isEqualTo(Stage.FINAL);

        robot.interact(() -> gridStage.setValue(Stage.SOFTMAX));
        assertThat(vm().stageProperty().get()).isEqualTo(Stage.SOFTMAX);

        robot.interact(() -> vm().stageProperty().set(Stage.SCORES)); // a stage picked in the outline
        assertThat(gridStage.getValue()).isEqualTo(Stage.SCORES);
    }

    @Test
    void theGridsThumbnailsShareOneRangeByDefault() throws Exception {
        robot.interact(() -> app.view().centre().getSelectionModel().select(2));
        ModelGridView grid = robot.lookup("#model-grid").queryAs(ModelGridView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> grid.readyProperty().get() == 8);
        WaitForAsyncUtils.waitForFxEvents();
        Set<ColourScale> scales = new HashSet<>();
        for (int layer = 0; layer < 2; layer++) {
            for (int head = 0; head < 4; head++) {
                scales.add(grid.scaleOf(new GridCell(layer, head)));
            }
        }
        assertThat(scales).hasSize(1);
        assertThat(grid.legendProperty().get().sharedBy()).isEqualTo("all maps of the grid");
    }

    @Test
    void zoomingToACellShowsItsExactValue() {
        HeatmapView map = map(Stage.POST_SM_CONV);
        float value = vm().map(Stage.POST_SM_CONV).orElseThrow().value(20, 18);
        robot.interact(() -> map.showCell(20, 18, 60));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        assertThat(map.isMinimapShown()).isTrue();
        assertThat(map.shownCellValues()).containsKey(new Cell(20, 18));
        assertThat(Double.parseDouble(map.shownCellValues().get(new Cell(20, 18)))).isCloseTo(value, within(5e-5));
        robot.interact(map::fit);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.isMinimapShown()).isFalse();
    }
}
