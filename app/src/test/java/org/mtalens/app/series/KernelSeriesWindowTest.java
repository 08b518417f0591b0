package org.mtalens.app.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.app.testing.Snapshots;
import org.mtalens.runtime.analysis.KernelTrack;
import org.mtalens.viz.kernel.KernelStrip;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The "Kernels across checkpoints" window on a made-up three-step run, headless. */
class KernelSeriesWindowTest {
    private final FxRobot robot = new FxRobot();
    private Stage window;

    @TempDir
    Path dir;

    @BeforeEach
    void openTheWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path run = SeriesRun.write(dir.resolve("run"));
        AtomicReference<Stage> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(KernelSeriesWindow.open(null, run)));
        window = opened.get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> window.close());
        FxToolkit.cleanupStages();
    }

    @SuppressWarnings("unchecked")
    private TableView<KernelTrack> table() {
        return robot.lookup("#series-table").queryAs(TableView.class);
    }

    private String cell(int row, String column) {
        TableView<KernelTrack> table = table();
        TableColumn<KernelTrack, ?> c = table.getColumns().stream().filter(x -> x.getText().equals(column)).findFirst()
                .orElseThrow();
        return String.valueOf(c.getCellData(row));
    }

    @Test
    void theTableHasARowPerHeadWithADistancePerStepAndThePatternFlags() {
        TableView<KernelTrack> table = table();

        assertThat(table.getItems()).hasSize(8);
        assertThat(table.getColumns()).extracting(TableColumn::getText).containsExactly(
                "layer", "kind", "head", "step-000000", "step-000100", "step-000200", "over the run", "pattern");
        assertThat(List.of(cell(0, "pattern"), cell(1, "pattern"), cell(2, "pattern"), cell(3, "pattern")))
                .containsExactly("diagonal", "edge", "near_identity", "other");
        assertThat(List.of(cell(0, "step-000000"), cell(0, "step-000100"), cell(0, "step-000200")))
                .containsExactly("0.000", "0.707", "1.414");
        assertThat(cell(7, "kind")).isEqualTo("mta_kernel_after_sm");
        var sparkline = robot.lookup(".sparkline").queryAs(org.mtalens.viz.chart.Sparkline.class);
        assertThat(table.getItems().stream().map(t -> java.util.Arrays.toString(t.distances())))
                .contains(java.util.Arrays.toString(sparkline.getValues()));
        assertThat(cell(7, "pattern")).isEqualTo("near_identity");
    }

    @Test
    void sortingByTheLastStepPutsTheKernelsThatMovedMostFirst() {
        TableView<KernelTrack> table = table();
        TableColumn<KernelTrack, ?> last = table.getColumns().stream().filter(c -> c.getText().equals("step-000200"))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            last.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(last));
        });
        List<Double> distances = table.getItems().stream()
                .map(t -> t.snapshots().get(2).distanceFromIdentity()).toList();
        assertThat(distances).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(distances.get(0)).isCloseTo(1.414, org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void clickingARowShowsItsKernelsSideBySideAcrossTheSteps() {
        robot.clickOn((javafx.scene.Node) robot.lookup(".table-row-cell")
                .match(n -> ((javafx.scene.control.TableRow<?>) n).getIndex() == 1).query());
        WaitForAsyncUtils.waitForFxEvents();

        KernelStrip strip = robot.lookup("#series-kernels").queryAs(KernelStrip.class);
        assertThat(strip.getKernels()).hasSize(3);
        assertThat(strip.getKernels().get(2).title()).isEqualTo("step-000200 · edge");
        assertThat(strip.getKernels().get(2).value(0, 2, 1)).isEqualTo(-1f);
        assertThat(robot.lookup(".kernel-strip-item").queryAll()).hasSize(3);
        AtomicReference<Path> png = new AtomicReference<>();
        robot.interact(() -> png.set(Snapshots.write(window.getScene(), "kernel-series-window")));
        assertThat(png.get()).exists();
    }
}
