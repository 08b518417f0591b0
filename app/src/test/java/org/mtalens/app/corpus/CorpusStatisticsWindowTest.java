package org.mtalens.app.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtalens.app.main.MtaLensApplication;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.testing.RunningApp;
import org.mtalens.app.testing.Snapshots;
import org.mtalens.runtime.corpus.CorpusSummary;
import org.mtalens.runtime.corpus.Statistic;
import org.mtalens.runtime.corpus.TopCell;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Open corpus statistics... on a hand-written summary.json (2 layers x 2 heads, checkpoint "sample"), beside
 * the real main window on the bundled sample, headless.
 */
class CorpusStatisticsWindowTest {
    private final FxRobot robot = new FxRobot();
    private MtaLensApplication app;
    private Stage window;

    @BeforeEach
    void openTheWindow() throws Exception {
        app = RunningApp.startOn(null);
        Path summary = Path.of(resource("/corpus/summary.json"));
        AtomicReference<Stage> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(CorpusStatisticsWindow.open(null, summary, new MainWindowCells(app.viewModel()))));
        window = opened.get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#corpus-strip-1-1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> window.close());
        RunningApp.stop(app);
    }

    private static java.net.URI resource(String name) throws URISyntaxException {
        return CorpusStatisticsWindowTest.class.getResource(name).toURI();
    }

    private String strip(int layer, int head) {
        return robot.lookup("#corpus-strip-" + layer + "-" + head).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<CorpusSummary.HeadDistribution> distributions() {
        return robot.lookup("#corpus-distribution").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<TopCell> cells() {
        return robot.lookup("#corpus-top-cells").queryAs(TableView.class);
    }

    private static String value(TableView<?> table, int row, String column) {
        TableColumn<?, ?> c = table.getColumns().stream().filter(x -> x.getText().equals(column)).findFirst().orElseThrow();
        return String.valueOf(c.getCellData(row));
    }

    @Test
    void theStripShowsEachHeadsMeanOfTheChosenStatistic() {
        assertThat(strip(0, 0)).isEqualTo("0.100");
        assertThat(strip(1, 1)).isEqualTo("0.400");
        robot.interact(() -> robot.lookup("#corpus-statistic").queryComboBox().getSelectionModel().select(Statistic.SINK_MASS));
        assertThat(strip(1, 0)).isEqualTo("0.150");
        robot.interact(() -> robot.lookup("#corpus-statistic").queryComboBox().getSelectionModel().select(Statistic.TARGET_MASS));
        assertThat(strip(1, 0)).as("no document has a target block").isEqualTo("–");
        assertThat(robot.lookup("#corpus-failures").queryAs(Label.class).getText()).contains("1 failed").contains("long")
                .contains("--max-T 64");
    }

    @Test
    void clickingAHeadShowsItsDistributionAndTopCellsAndClickingACellOpensItsDocumentThere() {
        robot.clickOn("#corpus-strip-1-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value(distributions(), 0, "Statistic")).isEqualTo(Statistic.MTA_CHANGE.title());
        assertThat(value(distributions(), 0, "Documents")).isEqualTo("3");
        assertThat(value(distributions(), 0, "p50")).isEqualTo("0.4200");
        assertThat(cells().getItems()).extracting(TopCell::document).containsExactly("d1", "d2");
        assertThat(value(cells(), 0, "Change")).isEqualTo("0.6000");
        robot.interact(() -> Snapshots.write(window.getScene(), "corpus-statistics"));

        robot.clickOn(robot.lookup("#corpus-top-cells .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        MainViewModel vm = app.viewModel();
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && vm.traceProperty().get() != null
                    && vm.traceProperty().get().length() == 7);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the document did not run in the main window", e);
        }
        assertThat(vm.traceProperty().get().tokens()).containsExactly(1, 3, 4, 5, 6, 7, 8);
        assertThat(vm.layerProperty().get()).isEqualTo(1);
        assertThat(vm.headProperty().get()).isEqualTo(1);
        assertThat(vm.cellProperty().get()).isEqualTo(new MainViewModel.SelectedCell(5, 2));
    }
}
