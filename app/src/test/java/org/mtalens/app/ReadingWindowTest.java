package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.testing.TinyAppWindow;
import org.mtalens.app.testing.Snapshots;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.viz.chart.StageLineChart;
import org.mtalens.viz.chart.StageSeries;
import org.mtalens.viz.tokens.ShadedTextView;
import org.mtalens.viz.tokens.TopKeys;
import org.mtalens.viz.tokens.TopKeysView;
import org.testfx.util.WaitForAsyncUtils;

/** The reading panel under the pipeline: the selected query's attention as lines, its top keys, the shaded text. */
class ReadingWindowTest extends TinyAppWindow {
    private void selectCell(int query, int key) {
        robot.interact(() -> vm().cellProperty().set(new MainViewModel.SelectedCell(query, key)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void withNoCellSelectedTheFirstRunIsReadAtItsLastToken() {
        WaitForAsyncUtils.waitForFxEvents();
        int last = vm().traceProperty().get().length() - 1;
        assertThat(robot.lookup("#reading-title").queryLabeled().getText()).startsWith("query " + last + " ");
    }

    @Test
    void theSelectedQuerysRowIsDrawnAtEachStageOnOneChart() {
        selectCell(12, 9);
        List<StageSeries> lines = robot.lookup("#query-lines").queryAs(StageLineChart.class).seriesProperty().get();
        assertThat(lines).extracting(StageSeries::stage).containsExactly("scores", "pre_sm_conv", "softmax", "final");
        for (StageSeries line : lines) {
            AttentionMap map = vm().map(Stage.fromId(line.stage())).orElseThrow();
            assertThat(line.keys()).isEqualTo(13);
            for (int k = 0; k <= 12; k++) {
                assertThat(line.value(k)).as("%s key %d", line.stage(), k).isEqualTo(map.value(12, k));
            }
        }
    }

    @Test
    void theTopKeysAreTheLargestFinalWeightsAndAClickSelectsThatCell() {
        selectCell(20, 3);
        TopKeysView top = robot.lookup("#top-keys").queryAs(TopKeysView.class);
        AttentionMap finalMap = vm().map(Stage.FINAL).orElseThrow();
        int best = 0;
        for (int k = 1; k <= 20; k++) {
            best = finalMap.value(20, k) > finalMap.value(20, best) ? k : best;
        }
        assertThat(top.getItems()).hasSize(10);
        assertThat(top.getItems().get(0).key()).isEqualTo(best);
        TopKeys.Hit second = top.getItems().get(1);
        org.mtalens.viz.heatmap.HeatmapView finalView = robot.lookup("#map-final").queryAs(org.mtalens.viz.heatmap.HeatmapView.class);
        double fitted = finalView.getViewport().pixelsPerCell();
        robot.clickOn(robot.lookup(".top-key").nth(1).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().cellProperty().get()).isEqualTo(new MainViewModel.SelectedCell(20, second.key()));
        assertThat(vm().stageProperty().get()).isEqualTo(Stage.FINAL);
        assertThat(finalView.getViewport().pixelsPerCell()).as("the final map jumped: zoomed about the cell")
                .isGreaterThan(fitted * 1.2);
    }

    @Test
    void aTextInputIsShownAsTextShadedByTheQuerysFinalWeights() throws Exception {
        ShadedTextView text = robot.lookup("#shaded-text").queryAs(ShadedTextView.class);
        assertThat(text.isVisible()).isFalse();
        var before = vm().traceProperty().get();
        robot.interact(() -> {
            vm().inputIsTextProperty().set(true);
            vm().addBosProperty().set(false);
            // the fixture's vocabulary is 32 ids: bytes below 32 only
            vm().inputProperty().set("\u0001\u0002\u0003\n\u0005\u0006\u0007\u0008\t\u000b\u000c\u000e");
            vm().run();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().errorProperty().get() != null
                || (!vm().busyProperty().get() && vm().traceProperty().get() != before));
        assertThat(vm().errorProperty().get()).isNull();
        assertThat(vm().tokensProperty().get()).hasSize(12).extracting(t -> t.text()).contains("\n", "\t");
        WaitForAsyncUtils.waitForFxEvents();
        selectCell(10, 4);
        assertThat(text.isVisible()).isTrue();
        assertThat(text.paintedTokens()).isEqualTo(vm().tokensProperty().get().size());
        float top = vm().map(Stage.FINAL).orElseThrow().value(10, 4);
        assertThat(text.colourScale().max()).isGreaterThanOrEqualTo(top);
        robot.interact(() -> Snapshots.write(text.getScene(), "reading-text"));
    }
}
