package org.mtalens.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtalens.app.main.MtaLensApplication;
import org.mtalens.app.testing.RunningApp;
import org.mtalens.runtime.model.EditablePart;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The kernel editor on the bundled find-the-block sample: the answer of the edited run beside the intact one. */
class KernelEditorSampleTest {
    private final FxRobot robot = new FxRobot();
    private MtaLensApplication app;

    @BeforeEach
    void openTheSample() throws Exception {
        app = RunningApp.startOn(null);
        robot.interact(() -> app.view().editor().view().pane().setExpanded(true));
    }

    @AfterEach
    void close() throws Exception {
        RunningApp.stop(app);
    }

    @Test
    void zeroingEveryKernelShowsTheEditedAndTheIntactAnswersToTheInstance() throws Exception {
        KernelEditorViewModel editor = app.view().editor().viewModel();
        for (int layer = 0; layer < 2; layer++) {
            for (int head = 0; head < 2; head++) {
                int l = layer;
                int h = head;
                robot.interact(() -> editor.replace(new EditTarget(l, EditablePart.PRE_SM_CONV, h), new float[2][5]));
            }
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !app.viewModel().busyProperty().get()
                && app.viewModel().traceProperty().get().edits().list().size() == 4
                && robot.lookup("#edit-outcome").queryAs(Label.class).getText().contains("; intact:"));
        robot.interact(() -> org.mtalens.app.testing.Snapshots.write(app.view().root().getScene(), "kernel-editor"));
        String outcome = robot.lookup("#edit-outcome").queryAs(Label.class).getText();
        String target = String.join("", app.viewModel().tokenLabels().subList(
                app.viewModel().markedKeysProperty().get().from(), app.viewModel().markedKeysProperty().get().to()));
        assertThat(outcome).contains("Find the block: answers").contains("(target '" + target + "')")
                .contains("intact: '" + target + "' ✓");
    }
}
