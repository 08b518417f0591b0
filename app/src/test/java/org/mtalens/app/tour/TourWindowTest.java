package org.mtalens.app.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtalens.app.main.MtaLensApplication;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.testing.RunningApp;
import org.mtalens.app.testing.Snapshots;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The guided tours on the bundled find-the-block sample, in the real window, headless. */
class TourWindowTest {
    private final FxRobot robot = new FxRobot();
    private MtaLensApplication app;

    @BeforeEach
    void openTheSample() throws Exception {
        app = RunningApp.startOn(null);
    }

    @AfterEach
    void close() throws Exception {
        RunningApp.stop(app);
    }

    private MainViewModel main() {
        return app.viewModel();
    }

    private TourViewModel tour() {
        return app.view().tour().viewModel();
    }

    private void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !main().busyProperty().get() && condition.getAsBoolean());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void start(TourViewModel.Kind kind) throws Exception {
        robot.interact(() -> app.view().tour().start(kind));
        waitUntil(() -> !tour().stepsProperty().get().isEmpty() && tour().indexProperty().get() == 0);
    }

    @Test
    void eachStepOfThePipelineTourSelectsTheCellItDescribesAndQuotesItsValue() throws Exception {
        start(TourViewModel.Kind.PIPELINE);
        List<TourStep> steps = tour().stepsProperty().get();
        assertThat(steps).extracting(s -> s.selection().stage())
                .containsExactly(Stage.FINAL, Stage.SCORES, Stage.PRE_SM_CONV, Stage.SOFTMAX, Stage.FINAL);
        for (int i = 0; i < steps.size(); i++) {
            TourStep step = steps.get(i);
            TourStep.Selection s = step.selection();
            waitUntil(() -> main().map(s.stage()).isPresent());
            assertThat(tour().indexProperty().get()).isEqualTo(i);
            assertThat(main().layerProperty().get()).as(step.title()).isEqualTo(s.layer());
            assertThat(main().headProperty().get()).isEqualTo(s.head());
            assertThat(main().stageProperty().get()).isEqualTo(s.stage());
            assertThat(main().cellProperty().get()).isEqualTo(new MainViewModel.SelectedCell(s.query(), s.key()));
            assertThat(app.view().centre().getSelectionModel().getSelectedIndex()).isEqualTo(TourScript.PIPELINE_TAB);
            assertThat(robot.lookup("#tour-progress").queryAs(Label.class).getText())
                    .contains("layer " + s.layer(), "head " + s.head(), s.stage().id(), "query " + s.query());
            assertThat(step.equation()).isNotBlank();
            assertThat(step.question()).endsWith("?");
            if (i > 0) {
                AttentionMap shown = main().map(s.stage()).orElseThrow();
                assertThat(step.observe()).as("%s quotes the selected cell", step.title())
                        .contains(String.format(Locale.ROOT, "%.3f", shown.value(s.query(), s.key())));
            }
            if (i == 0 || s.stage() == Stage.PRE_SM_CONV) {
                String name = i == 0 ? "tour-first-step" : "tour-convolution-step";
                robot.interact(() -> Snapshots.write(app.view().tour().window().stage().getScene(), name));
            }
            robot.clickOn("#tour-title").type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(tour().indexProperty().get()).as("Next stops at the last step").isEqualTo(steps.size() - 1);
        robot.type(KeyCode.LEFT);
        assertThat(tour().indexProperty().get()).isEqualTo(steps.size() - 2);
        assertThat(main().stageProperty().get()).isEqualTo(steps.get(steps.size() - 2).selection().stage());
        String target = main().tokenLabels().subList(main().markedKeysProperty().get().from(),
                main().markedKeysProperty().get().to()).stream().reduce("", String::concat);
        assertThat(steps.get(0).observe()).contains("'" + target + "'");
    }

    @Test
    void theComparisonTourShowsBothModelsOnTheSameInstanceInTheCompareTab() throws Exception {
        start(TourViewModel.Kind.COMPARISON);
        List<TourStep> steps = tour().stepsProperty().get();
        assertThat(steps).hasSize(3);
        assertThat(app.view().centre().getSelectionModel().getSelectedIndex()).isEqualTo(TourScript.COMPARE_TAB);
        assertThat(app.comparison().otherProperty().get().name()).contains("baseline");
        assertThat(steps.get(0).observe()).contains("findblock-mta answers", "findblock-baseline answers");
        TourStep.Selection s = steps.get(1).selection();
        robot.clickOn("#tour-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main().stageProperty().get()).isEqualTo(Stage.SCORES);
        assertThat(main().cellProperty().get()).isEqualTo(new MainViewModel.SelectedCell(s.query(), s.key()));
    }
}
