package org.mtalens.app;

import org.mtalens.app.main.MtaLensApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtalens.app.testing.RunningApp;
import org.mtalens.app.testing.Snapshots;
import org.mtalens.runtime.config.Stage;
import org.mtalens.viz.heatmap.HeatmapView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The first start: the bundled find-the-block MTA sample opens with an instance already run. */
class FirstWindowTest {
    private final FxRobot robot = new FxRobot();
    private MtaLensApplication app;

    @BeforeEach
    void startTheRealApplication() throws Exception {
        app = RunningApp.startOn(null);
    }

    @AfterEach
    void close() throws Exception {
        RunningApp.stop(app);
    }

    @Test
    void opensTheBundledMtaSampleWithMapsAndTheTargetBlockMarked() throws Exception {
        Window window = robot.window(w -> w instanceof javafx.stage.Stage s && s.getTitle().startsWith("findblock-mta"));
        var vm = app.viewModel();
        assertThat(vm.sessionProperty().get().findBlockTask()).isPresent();
        assertThat(vm.markedKeysProperty().get().label()).isEqualTo("target block");
        HeatmapView finalMap = robot.lookup("#map-" + Stage.FINAL.id()).queryAs(HeatmapView.class);
        assertThat(finalMap.getMatrix().rows()).isEqualTo(vm.traceProperty().get().length());
        assertThat(finalMap.getMarkedKeys().from()).isEqualTo(vm.markedKeysProperty().get().from());
        assertThat(robot.lookup("#map-" + Stage.PRE_SM_CONV.id()).tryQuery()).as("the MTA layer's convolution").isPresent();

        AtomicReference<Path> png = new AtomicReference<>();
        robot.interact(() -> png.set(Snapshots.write(window.getScene(), "first-window")));
        assertThat(Files.size(png.get())).isGreaterThan(10_000);
    }

    @Test
    void aNewInstanceMovesTheTargetBlockAndComparingRunsTheBaselineOnTheSameInput() throws Exception {
        var vm = app.viewModel();
        int[] before = vm.traceProperty().get().tokens();
        robot.interact(vm::newInstance);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !java.util.Arrays.equals(vm.traceProperty().get().tokens(), before)
                && !vm.busyProperty().get());
        var comparison = app.comparison();
        robot.interact(comparison::compareWithBaselineSample);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> comparison.comparedProperty().get() != null);
        assertThat(comparison.comparedProperty().get().tokens()).containsExactly(vm.traceProperty().get().tokens());
        assertThat(comparison.otherProperty().get().name()).isEqualTo("findblock-baseline");
        robot.interact(() -> app.view().centre().getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-other").tryQuery().isPresent());
        robot.interact(() -> Snapshots.write(robot.lookup("#compare").query().getScene(), "compare-baseline"));
    }
}
