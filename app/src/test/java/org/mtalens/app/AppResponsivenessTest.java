package org.mtalens.app;

import org.mtalens.app.main.MtaLensApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    @Test
    void noPulseIsBlockedLongerThan100MsWhileARunIsInFlight() throws Exception {
        var vm = app.viewModel();
        List<Long> worstGaps = new ArrayList<>();
        long[] last = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long time = System.nanoTime();
                if (vm.busyProperty().get() && last[0] != 0) {
                    worstGaps.add(time - last[0]); // a pulse interval while the run is in flight
                }
                last[0] = time;
            }
        };
        robot.interact(timer::start);
        for (int i = 0; i < 20; i++) {
            robot.interact(() -> {
                vm.inputProperty().set("3,17,5,29,0,11,8,23,14,2,31,7,19,26,4,12,30,1,9,21,16,6,27,13,3,17,5,29,0,11,8,23,14,2,31,7,19,26,4,12,30,1,9,21,16,6,27,13,1,2,3,4,5,6,7,8,9,10,11,12,13,14");
                vm.run();
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        }
        robot.interact(timer::stop);
        assertThat(worstGaps).as("pulses seen while runs were in flight").isNotEmpty();
        long worst = worstGaps.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(worst / 1e6).as("longest gap between pulses while a run is in flight, ms").isLessThan(100);
        assertThat(vm.traceProperty().get().length()).isEqualTo(62);
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
