package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.mtalens.app.testing.TinyAppWindow;
import org.mtalens.app.testing.Snapshots;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.config.Stage;
import org.mtalens.viz.heatmap.Cell;
import org.mtalens.viz.heatmap.HeatmapView;
import org.mtalens.viz.kernel.KernelInspector;
import org.testfx.util.WaitForAsyncUtils;

/** The real application window on the official "tiny" fixture, headless. */
class MainWindowTest extends TinyAppWindow {
    @Test
    void theFirstMtaLayerShowsEveryStageInForwardOrderWithTheRuntimesValues() throws Exception {
        Window window = robot.window(w -> w instanceof javafx.stage.Stage s && s.getTitle().startsWith("tiny"));
        assertThat(vm().layerProperty().get()).isEqualTo(1);
        for (Stage stage : vm().selectedLayerPlan().orElseThrow().stages()) {
            HeatmapView map = robot.lookup("#map-" + stage.id()).queryAs(HeatmapView.class);
            float expected = vm().map(stage).orElseThrow().value(20, 18);
            assertThat(map.getMatrix().value(20, 18)).as(stage.id()).isEqualTo(expected);
        }
        AtomicReference<Path> png = new AtomicReference<>();
        robot.interact(() -> png.set(Snapshots.write(window.getScene(), "main-window-pipeline")));
        assertThat(png.get()).exists();
    }

    @Test
    void theKernelInspectorShowsTheCheckpointsKernelValues() {
        KernelInspector inspector = robot.lookup("#kernel-pre").queryAs(KernelInspector.class);
        float[] kernel = vm().sessionProperty().get().checkpoint().tensor("layers.1.attention.mta_kernel").toFloatArray();
        // head 0, row 2 (current query), column 4: [H=4, 1, 3, 5]
        assertThat(inspector.getKernel().value(0, 2, 4)).isEqualTo(kernel[2 * 5 + 4]);
        assertThat(inspector.getKernel().value(3, 0, 1)).isEqualTo(kernel[3 * 15 + 1]);
    }

    @Test
    void clickingACellAfterTheConvolutionExplainsItAndTheTermsSumToTheCell() {
        HeatmapView map = robot.lookup("#map-post_sm_conv").queryAs(HeatmapView.class);
        robot.interact(() -> map.selectedCellProperty().set(new Cell(12, 9)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().stageProperty().get()).isEqualTo(Stage.POST_SM_CONV);
        TableView<?> terms = robot.lookup("#explanation").queryAs(TableView.class);
        assertThat(terms.getItems()).hasSize(15);
        var explanation = vm().explanationProperty().get();
        assertThat(explanation.sum()).isCloseTo(explanation.value(), within(1e-5));
        assertThat(robot.lookup("#cell-summary").queryAs(Label.class).getText()).contains("query 12").contains("key 9");
        robot.interact(() -> Snapshots.write(map.getScene(), "main-window-explain"));
    }

    @Test
    void aBrokenCheckpointShowsAnErrorDialogAndKeepsTheOpenModel(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var before = vm().traceProperty().get();
        java.nio.file.Files.writeString(dir.resolve("config.json"), "{\"dim\": 64}");
        robot.interact(() -> app.view().open(dir));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-dialog").tryQuery()).isPresent();
        assertThat(vm().errorProperty().get().message()).contains(dir.getFileName().toString());
        assertThat(vm().sessionProperty().get().name()).isEqualTo("tiny");
        assertThat(vm().traceProperty().get()).isSameAs(before);
    }

    @Test
    void theModelGridShowsEveryLayerAndHeadAndAClickSelectsOne() throws Exception {
        robot.interact(() -> app.view().centre().getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#model-grid").queryAs(
                org.mtalens.viz.grid.ModelGridView.class).readyProperty().get() == 8);
        robot.interact(() -> robot.lookup("#model-grid").queryAs(org.mtalens.viz.grid.ModelGridView.class)
                .selectedProperty().set(new org.mtalens.viz.grid.GridCell(0, 3)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Snapshots.write(robot.lookup("#model-grid").query().getScene(), "main-window-grid"));
        assertThat(vm().layerProperty().get()).isZero();
        assertThat(vm().headProperty().get()).isEqualTo(3);
    }

    @Test
    void switchingOffOneHeadsKernelChangesThatHeadsMapBesideTheIntactOne() throws Exception {
        robot.interact(() -> app.view().centre().getSelectionModel().select(3));
        robot.interact(() -> {
            vm().stageProperty().set(Stage.PRE_SM_CONV);
            robot.lookup("#ablation").queryAs(javafx.scene.control.TextField.class).setText("L1.head0.pre_sm_conv");
        });
        robot.interact(() -> robot.lookup("#compare-ablation").queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.comparison().comparedProperty().get() != null && !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapView intact = robot.lookup("#compare-this").queryAs(HeatmapView.class);
        HeatmapView ablated = robot.lookup("#compare-other").queryAs(HeatmapView.class);
        // head 0's kernel is the identity now: its pre_sm_conv map is its scores map
        float[] scores = vm().map(Stage.SCORES).orElseThrow().values();
        assertThat(ablated.getMatrix().values()).containsExactly(scores);
        assertThat(intact.getMatrix().values()).isNotEqualTo(scores);
        assertThat(robot.lookup("#next-token-shift").queryAs(Label.class).getText()).contains("KL");
        robot.interact(() -> Snapshots.write(ablated.getScene(), "compare-ablation"));
    }

    @Test
    void goingThroughTheHeadsAndBackEveryPipelineMapShowsExactlyTheSelectedHeadsMap() {
        int heads = vm().sessionProperty().get().checkpoint().config().nHeads();
        for (int head : new int[] {1, heads - 1, 0, 1}) { // each map is written into the memory of the one shown before
            robot.interact(() -> vm().headProperty().set(head));
            WaitForAsyncUtils.waitForFxEvents();
            for (Stage stage : vm().selectedLayerPlan().orElseThrow().stages()) {
                HeatmapView map = robot.lookup("#map-" + stage.id()).queryAs(HeatmapView.class);
                assertThat(map.getMatrix().title()).as("head %d %s", head, stage.id()).contains("head " + head);
                assertThat(map.getMatrix().values()).as("head %d %s", head, stage.id())
                        .containsExactly(vm().map(stage).orElseThrow().values());
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tiny-plain-gqa", "tiny-linear-heads"})
    void eachFixtureOpensAndEveryStageOfEveryLayerShowsTheRuntimesMap(String fixture) throws Exception {
        robot.interact(() -> app.view().open(TestCheckpoints.fixture(fixture)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().sessionProperty().get().name().equals(fixture)
                && vm().traceProperty().get() != null && !vm().busyProperty().get());
        var config = vm().sessionProperty().get().checkpoint().config();
        for (int layer = 0; layer < config.nLayers(); layer++) {
            int chosen = layer;
            robot.interact(() -> {
                vm().layerProperty().set(chosen);
                vm().headProperty().set(config.nHeads() - 1);
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (Stage stage : config.layerPlan(layer).stages()) {
                HeatmapView map = robot.lookup("#map-" + stage.id()).queryAs(HeatmapView.class);
                assertThat(map.getMatrix().value(23, 20)).as("%s layer %d %s", fixture, layer, stage.id())
                        .isEqualTo(vm().map(stage).orElseThrow().value(23, 20));
            }
        }
    }
}
