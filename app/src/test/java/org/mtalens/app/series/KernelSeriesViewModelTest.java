package org.mtalens.app.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.analysis.KernelPattern;
import org.mtalens.viz.Kernel;

class KernelSeriesViewModelTest {
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Executor now = Runnable::run;

    @TempDir
    Path dir;

    @Test
    void loadingRunsInTheBackgroundAndThenShowsTheSeriesWithTheFirstRowSelected() throws IOException {
        KernelSeriesViewModel vm = new KernelSeriesViewModel(background::add, now);
        vm.openRunFolder(SeriesRun.write(dir.resolve("run")));

        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.seriesProperty().get()).isNull();
        background.poll().run();

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.seriesProperty().get().labels()).containsExactly("step-000000", "step-000100", "step-000200");
        assertThat(vm.selectedProperty().get().last().pattern()).isEqualTo(KernelPattern.DIAGONAL);
        assertThat(vm.selectedKernelsProperty().get()).extracting(Kernel::title)
                .containsExactly("step-000000 · near_identity", "step-000100 · diagonal", "step-000200 · diagonal");
    }

    @Test
    void selectingARowShowsItsKernelAtEveryCheckpoint() throws IOException {
        KernelSeriesViewModel vm = new KernelSeriesViewModel(now, now);
        vm.openRunFolder(SeriesRun.write(dir.resolve("run")));

        vm.select(vm.seriesProperty().get().tracks().get(1));

        List<Kernel> kernels = vm.selectedKernelsProperty().get();
        assertThat(kernels).hasSize(3);
        assertThat(kernels.get(0).value(0, 2, 1)).isZero();
        assertThat(kernels.get(1).value(0, 2, 1)).isEqualTo(-0.5f);
        assertThat(kernels.get(2).value(0, 2, 1)).isEqualTo(-1f);
        assertThat(kernels.get(2).identityColumn()).isEqualTo(2);
    }

    @Test
    void aMixedSeriesReportsTheOddCheckpointAndKeepsTheSeriesShown() throws IOException {
        KernelSeriesViewModel vm = new KernelSeriesViewModel(now, now);
        Path run = SeriesRun.write(dir.resolve("run"));
        vm.openRunFolder(run);
        var shown = vm.seriesProperty().get();

        vm.open(List.of(run.resolve("step-000000"), TestCheckpoints.fixture("tiny-plain-gqa")));

        assertThat(vm.errorProperty().get()).contains("tiny-plain-gqa").contains("not the same run");
        assertThat(vm.seriesProperty().get()).isSameAs(shown);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aFolderWithoutCheckpointsIsReported() {
        KernelSeriesViewModel vm = new KernelSeriesViewModel(now, now);
        vm.openRunFolder(dir);

        assertThat(vm.errorProperty().get()).contains(dir.toString()).contains("no sub-folder holds a checkpoint");
    }
}
