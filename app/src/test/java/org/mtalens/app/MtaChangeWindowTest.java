package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.testing.TinyAppWindow;
import org.mtalens.app.testing.Snapshots;
import org.mtalens.runtime.analysis.CellChange;
import org.mtalens.runtime.analysis.HeadChange;
import org.mtalens.runtime.config.Stage;
import org.mtalens.viz.heatmap.Cell;
import org.mtalens.viz.heatmap.HeatmapView;
import org.testfx.util.WaitForAsyncUtils;

/** The "MTA change" tab in the real window, on the official "tiny" fixture (2 layers x 4 heads), headless. */
class MtaChangeWindowTest extends TinyAppWindow {
    @BeforeEach
    void openTheChangeTab() throws Exception {
        robot.interact(() -> app.view().centre().getSelectionModel().select(5));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> heads().getItems().size() == 8 && !cells().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<HeadChange> heads() {
        return robot.lookup("#change-heads").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<CellChange> cells() {
        return robot.lookup("#change-cells").queryAs(TableView.class);
    }

    @Test
    void everyHeadIsListedOnceMostChangedFirstAndTheStripShowsTheSameNumbers() {
        List<HeadChange> rows = heads().getItems();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i - 1).meanDivergence()).isGreaterThanOrEqualTo(rows.get(i).meanDivergence());
        }
        for (HeadChange row : rows) {
            assertThat(row.meanDivergence()).isBetween(0.0, Math.log(2));
        }
        assertThat(rows).extracting(h -> h.layer() + "/" + h.head())
                .containsExactlyInAnyOrder("0/0", "0/1", "0/2", "0/3", "1/0", "1/1", "1/2", "1/3");
        HeatmapView strip = robot.lookup("#change-strip").queryAs(HeatmapView.class);
        HeadChange top = rows.get(0);
        assertThat(strip.getMatrix().value(top.layer(), top.head())).isCloseTo((float) top.meanDivergence(), within(1e-6f));
        robot.interact(() -> Snapshots.write(strip.getScene(), "mta-change"));
    }

    @Test
    void choosingAHeadInTheStripSelectsItAndRanksItsCells() throws Exception {
        HeatmapView strip = robot.lookup("#change-strip").queryAs(HeatmapView.class);
        robot.interact(() -> strip.selectedCellProperty().set(new Cell(0, 3)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !cells().getItems().isEmpty()
                && vm().headProperty().get() == 3 && vm().layerProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        var fin = vm().map(Stage.FINAL).orElseThrow();
        for (CellChange cell : cells().getItems().subList(0, 10)) {
            assertThat(cell.finalWeight()).isEqualTo(fin.value(cell.query(), cell.key()));
        }
    }

    @Test
    void clickingARankedCellSelectsItAndTheInspectorExplainsIt() {
        CellChange top = cells().getItems().get(0);
        robot.interact(() -> cells().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm().cellProperty().get()).isEqualTo(new MainViewModel.SelectedCell(top.query(), top.key()));
        // layer 1's final map is the output of its head convolution, which the inspector explains term by term
        assertThat(vm().stageProperty().get()).isEqualTo(Stage.POST_SM_HEAD_CONV);
        var explanation = vm().explanationProperty().get();
        assertThat(explanation).isNotNull();
        assertThat(explanation.value()).isCloseTo(top.finalWeight(), within(1e-6f));
        assertThat(explanation.sum()).isCloseTo(explanation.value(), within(1e-5));
    }
}
