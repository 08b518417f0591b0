package org.mtalens.app;

import org.mtalens.app.main.MtaLensApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.animation.AnimationTimer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.export.Npz;
import org.mtalens.runtime.export.TraceExport;
import org.mtalens.app.testing.RunningApp;
import org.mtalens.app.testing.TestCheckpoints;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Work happens off the FX thread: the window keeps drawing during a run, and Cancel stops it. */
class AppResponsivenessTest {
    private final FxRobot robot = new FxRobot();
    private MtaLensApplication app;

    @TempDir
    Path dir;

    @BeforeEach
    void openTheLargestFixture() throws Exception {
        app = RunningApp.startOn(TestCheckpoints.fixture("tiny"));
    }

    @AfterEach
    void close() throws Exception {
        RunningApp.stop(app);
    }

    /**
     * The FX thread's CPU time between two pulses while slow work is in flight: what the window itself spent (layout,
     * listeners, anything run on it), not how long the shared machine kept it waiting, so the figure does not depend
     * on the machine's load.
     */
    private static final class FxThreadWork {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long worst;
        private long last = -1;
        private final AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long cpu = threads.getCurrentThreadCpuTime();
                if (last >= 0) {
                    worst = Math.max(worst, cpu - last);
                }
                last = cpu;
            }
        };

        /** @return the most CPU milliseconds the FX thread spent between two pulses while {@code action} ran to the end */
        double worstMsDuring(FxRobot robot, Runnable action, java.util.function.BooleanSupplier done) throws Exception {
            worst = 0;
            last = -1;
            robot.interact(timer::start);
            robot.interact(action);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, done::getAsBoolean);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(timer::stop);
            return worst / 1e6;
        }
    }

    @Test
    void theFxThreadIsNeverBlockedMoreThan100MsByRunsExportsComparisonsOrDifferences() throws Exception {
        var vm = app.viewModel();
        var comparison = app.comparison();
        FxThreadWork work = new FxThreadWork();
        String longInput = "3,17,5,29,0,11,8,23,14,2,31,7,19,26,4,12,30,1,9,21,16,6,27,13,3,17,5,29,0,11,8,23,14,2,31,7,"
                + "19,26,4,12,30,1,9,21,16,6,27,13,1,2,3,4,5,6,7,8,9,10,11,12,13,14";
        java.util.Map<String, Double> worst = new java.util.LinkedHashMap<>();
        worst.put("run", work.worstMsDuring(robot, () -> {
            vm.inputProperty().set(longInput);
            vm.run();
        }, () -> !vm.busyProperty().get() && vm.traceProperty().get().length() == 62));
        Path npz = dir.resolve("maps.npz");
        worst.put("export", work.worstMsDuring(robot, () -> app.view().exportNpz(npz), () -> Files.exists(npz)
                && !vm.busyProperty().get()));
        worst.put("compare with ablation", work.worstMsDuring(robot, () -> {
            app.view().centre().getSelectionModel().select(3);
            comparison.ablationTextProperty().set("L1.pre_sm_conv");
            comparison.compareWithAblation();
        }, () -> comparison.comparedProperty().get() != null && !vm.busyProperty().get()));
        worst.put("ablation difference", work.worstMsDuring(robot, () -> app.view().centre().getSelectionModel().select(4),
                () -> !vm.busyProperty().get()));
        worst.put("MTA change", work.worstMsDuring(robot, () -> app.view().centre().getSelectionModel().select(5),
                () -> !vm.busyProperty().get()));
        worst.put("grid", work.worstMsDuring(robot, () -> app.view().centre().getSelectionModel().select(2),
                () -> !vm.busyProperty().get() && app.view().gridReady()));
        worst.forEach((what, ms) -> assertThat(ms).as("FX thread CPU ms between two pulses during %s", what).isLessThan(100));
        assertThat(Npz.read(npz)).containsKey("layer1/final");
    }

    @Test
    void cancelStopsARunAndTheShownMapsStay() throws Exception {
        var vm = app.viewModel();
        var shown = vm.traceProperty().get();
        robot.interact(() -> {
            vm.inputProperty().set("1,2,3");
            vm.run();
            vm.cancel();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
        assertThat(vm.traceProperty().get()).isSameAs(shown);
    }

    @Test
    void theMapsExportWritesTheRunsArraysAtomically() throws Exception {
        Path npz = dir.resolve("maps.npz");
        var trace = app.viewModel().traceProperty().get();
        TraceExport.write(trace, org.mtalens.runtime.model.CaptureSelection.of(java.util.Set.of(1), null, null), true, npz);
        var arrays = Npz.read(npz);
        assertThat(arrays.get("layer1/post_sm_conv").shape()).containsExactly(4, 24, 24);
        assertThat(Files.list(dir)).containsExactly(npz);
    }
}
