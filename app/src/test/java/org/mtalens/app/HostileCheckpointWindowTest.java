package org.mtalens.app;

import org.mtalens.app.main.MtaLensApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.testing.RunningApp;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.reliability.HostileCheckpoints;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, with "tiny" open, is handed hostile checkpoints one after another (File > Open):
 * each gives an error dialog naming the file and the problem, and tiny stays open with its maps.
 */
class HostileCheckpointWindowTest {
    /** One of each family: code-running and deep pickles, zip bomb and truncation, safetensors, config, params. */
    private static final Set<String> KINDS = Set.of("pickle-os-system", "pickle-deeply-nested-key", "zip-bomb-storage",
            "truncated-zip", "safetensors-header-of-2-to-the-40", "safetensors-unknown-dtype", "config-zero-heads",
            "config-absurd-layer-count", "params-model-not-an-object");

    private final FxRobot robot = new FxRobot();
    private MtaLensApplication app;

    @TempDir
    Path dir;

    @BeforeEach
    void openTheTinyFixture() throws Exception {
        app = RunningApp.startOn(TestCheckpoints.fixture("tiny"));
    }

    @AfterEach
    void close() throws Exception {
        RunningApp.stop(app);
    }

    @Test
    void eachHostileCheckpointGivesAnErrorDialogNamingTheFileAndProblemAndTinyStaysOpen() throws Exception {
        MainViewModel vm = app.viewModel();
        var shown = vm.traceProperty().get();
        List<HostileCheckpoints.Item> items = HostileCheckpoints.writeAll(dir).stream()
                .filter(item -> KINDS.contains(item.kind())).toList();
        assertThat(items).hasSize(KINDS.size());
        for (HostileCheckpoints.Item item : items) {
            robot.interact(() -> app.view().open(item.checkpoint()));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.errorProperty().get() != null && !vm.busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
            assertThat(dialog.getContentText()).as(item.kind())
                    .contains(item.namedFile().getFileName().toString()).contains(item.problem());
            assertThat(vm.errorProperty().get().message()).as(item.kind()).contains(item.namedFile().toString());
            assertThat(vm.sessionProperty().get().name()).as(item.kind()).isEqualTo("tiny");
            assertThat(vm.traceProperty().get()).as(item.kind()).isSameAs(shown);
            robot.interact(() -> ((Button) dialog.lookupButton(ButtonType.OK)).fire()); // the user presses OK
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.errorProperty().get()).as("error after closing the dialog of " + item.kind()).isNull();
            assertThat(robot.lookup("#error-dialog").tryQuery()).as(item.kind()).isEmpty();
        }
        assertThat(Files.exists(HostileCheckpoints.marker(dir))).as("code from a pickle ran").isFalse();
    }
}
