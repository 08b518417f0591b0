package org.mtalens.app.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.app.main.MtaLensApplication;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.testing.RunningApp;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.analysis.CellExplanation;
import org.mtalens.runtime.analysis.Contribution;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.export.EditedModelExport;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.EditablePart;
import org.mtalens.runtime.model.LayerMaps;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kernel editor in the real window, on the official "tiny" fixture: layer 1 (selected first) has 3x5 kernels
 * before and after softmax with pad_key both (identity tap: row 2, column 2) and a 4x4 wpsm.
 */
class KernelEditorWindowTest {
    private final FxRobot robot = new FxRobot();
    private MtaLensApplication app;

    @TempDir
    Path dir;

    @BeforeEach
    void openTheEditor() throws Exception {
        app = RunningApp.startOn(TestCheckpoints.fixture("tiny"));
        robot.interact(() -> app.view().editor().view().pane().setExpanded(true));
        assertThat(main().layerProperty().get()).isEqualTo(1);
    }

    @AfterEach
    void close() throws Exception {
        RunningApp.stop(app);
    }

    private MainViewModel main() {
        return app.viewModel();
    }

    private KernelEditorViewModel editor() {
        return app.view().editor().viewModel();
    }

    private void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !main().busyProperty().get() && condition.getAsBoolean());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the window shows the run of the editor's current edits (or the intact run). */
    private void waitForTheRun() throws Exception {
        waitUntil(() -> main().traceProperty().get().edits().equals(editor().editsProperty().get())
                && main().layerMapsProperty().get() != null);
    }

    @Test
    void typingATapChangesExactlyThatTapsTermOfTheExplainedCellByTheEditTimesItsInput() throws Exception {
        int t = main().traceProperty().get().length();
        robot.interact(() -> {
            main().stageProperty().set(Stage.PRE_SM_CONV);
            main().cellProperty().set(new MainViewModel.SelectedCell(t - 1, t - 3));
        });
        waitUntil(() -> main().explanationProperty().get() != null);
        CellExplanation before = main().explanationProperty().get();
        Contribution tap = term(before, "query -1, key +1"); // row 1, column 3: query t-2, key t-2
        float edited = tap.weight() + 0.5f;

        TextField field = robot.lookup("#tap-1-3").queryAs(TextField.class);
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write(TapField.format(edited)).type(KeyCode.ENTER);
        float typed = Float.parseFloat(TapField.format(edited));
        waitUntil(() -> main().explanationProperty().get() != null
                && term(main().explanationProperty().get(), "query -1, key +1").weight() == typed);

        CellExplanation after = main().explanationProperty().get();
        Contribution changed = term(after, "query -1, key +1");
        assertThat(changed.input()).isEqualTo(tap.input());
        assertThat(changed.value()).isCloseTo((double) typed * tap.input(), within(1e-6));
        assertThat(after.value() - before.value()).as("the cell moves by the edit x the input")
                .isCloseTo((typed - tap.weight()) * tap.input(), within(1e-5f));
        for (Contribution other : before.contributions()) {
            if (!other.description().equals(tap.description())) {
                Contribution now = term(after, other.description());
                assertThat(now.weight()).as(other.description()).isEqualTo(other.weight());
                assertThat(now.input()).as(other.description()).isEqualTo(other.input());
            }
        }
        assertThat(robot.lookup("#edit-summary").queryAs(Label.class).getText()).contains("L1.pre_sm_conv.head0");
        waitUntil(() -> robot.lookup("#edit-outcome").queryAs(Label.class).getText().contains("; intact:"));
    }

    @Test
    void draggingATapsHandleUpScalesItByEToTheDragOverFiftyPixels() throws Exception {
        EditTarget kernel = editor().targetProperty().get();
        float before = editor().values(kernel)[2][2];
        robot.drag("#tap-handle-2-2").moveBy(0, -50).release(javafx.scene.input.MouseButton.PRIMARY);
        waitForTheRun();
        assertThat(editor().values(kernel)[2][2]).isCloseTo((float) (before * Math.E), within(1e-4f * Math.abs(before)));
        assertThat(inspectorKernel().value(kernel.index(), 2, 2)).as("the inspector draws the kernel the run used")
                .isEqualTo(editor().values(kernel)[2][2]);
        assertThat(editor().canUndoProperty().get()).as("one drag, one undo step").isTrue();
        robot.clickOn("#edit-undo");
        waitForTheRun();
        assertThat(editor().values(kernel)[2][2]).isEqualTo(before);
        assertThat(inspectorKernel().value(kernel.index(), 2, 2)).isEqualTo(before);
        assertThat(editor().canUndoProperty().get()).isFalse();
    }

    /** The pre-softmax kernel as the inspector draws it. */
    private org.mtalens.viz.Kernel inspectorKernel() {
        return robot.lookup("#kernel-pre").queryAs(org.mtalens.viz.kernel.KernelInspector.class).getKernel();
    }

    @Test
    void presetsPutTheDocumentedKernelsInPlace() throws Exception {
        EditTarget kernel = editor().targetProperty().get();
        assertThat(kernel).isEqualTo(new EditTarget(1, EditablePart.PRE_SM_CONV, 0));
        Map<String, float[][]> expected = new HashMap<>();
        expected.put("preset-identity", taps(new float[3][5], new int[][] {{2, 2}}, 1f));
        expected.put("preset-zero", new float[3][5]);
        expected.put("preset-sequence-matcher", taps(new float[3][5], new int[][] {{2, 2}, {1, 1}, {0, 0}}, 1f));
        expected.put("preset-edge-along-keys", taps(taps(new float[3][5], new int[][] {{2, 2}}, 1f), new int[][] {{2, 1}}, -1f));
        expected.put("preset-shift-one-key", taps(new float[3][5], new int[][] {{2, 1}}, 1f));
        float[][] blur = new float[3][5];
        for (float[] row : blur) {
            java.util.Arrays.fill(row, 1f / 15);
        }
        expected.put("preset-box-blur", blur);
        for (Map.Entry<String, float[][]> preset : expected.entrySet()) {
            robot.clickOn("#" + preset.getKey());
            waitForTheRun();
            assertThat(editor().values(kernel)).as(preset.getKey()).isDeepEqualTo(preset.getValue());
            assertThat(robot.lookup("#tap-2-2").queryAs(TextField.class).getText()).as(preset.getKey())
                    .isEqualTo(TapField.format(preset.getValue()[2][2]));
        }
        robot.interact(() -> editor().targetProperty().set(new EditTarget(1, EditablePart.WPSM, 0)));
        assertThat(robot.lookup("#preset-sequence-matcher").tryQuery()).as("no sequence matcher for a matrix").isEmpty();
        robot.clickOn("#preset-identity");
        waitForTheRun();
        float[][] identity = new float[4][4];
        for (int i = 0; i < 4; i++) {
            identity[i][i] = 1f;
        }
        assertThat(editor().values(new EditTarget(1, EditablePart.WPSM, 0))).isDeepEqualTo(identity);
    }

    @Test
    void undoRestoresTheIntactMapsBitForBitAndRedoTheEditedOnes() throws Exception {
        Map<String, float[]> intact = maps(main().layerMapsProperty().get());
        robot.clickOn("#preset-zero");
        waitForTheRun();
        Map<String, float[]> edited = maps(main().layerMapsProperty().get());
        assertThat(edited.get("pre_sm_conv/0")).containsOnly(0f);
        assertThat(edited.get("final/0")).isNotEqualTo(intact.get("final/0"));

        robot.clickOn("#edit-undo");
        waitForTheRun();
        assertThat(main().traceProperty().get()).isSameAs(main().intactTraceProperty().get());
        assertThatMapsAre(intact);

        robot.clickOn("#edit-redo");
        waitForTheRun();
        assertThatMapsAre(edited);

        robot.clickOn("#edit-show-intact");
        waitUntil(() -> main().traceProperty().get().edits().isNone());
        assertThatMapsAre(intact);
        assertThat(editor().editsProperty().get().list()).as("the edits are kept, one click away").hasSize(1);
        robot.clickOn("#edit-show-intact");
        waitForTheRun();
        assertThatMapsAre(edited);
    }

    @Test
    void aSavedEditedModelReloadsWithTheEditsAndShowsTheEditedMaps() throws Exception {
        robot.clickOn("#preset-shift-one-key");
        waitForTheRun();
        float[] editedMap = main().map(Stage.FINAL).orElseThrow().values();
        Path folder = dir.resolve("edited");
        robot.interact(() -> editor().saveAs(folder));
        waitUntil(() -> !editor().savedProperty().get().isEmpty());

        Checkpoint saved = CheckpointLoader.load(folder);
        assertThat(EditedModelExport.recordedEdits(saved)).isEqualTo(editor().editsProperty().get());

        String input = main().inputProperty().get();
        robot.interact(() -> app.view().open(folder));
        waitUntil(() -> main().sessionProperty().get().checkpoint().source().startsWith(folder)
                && main().traceProperty().get() != null && main().layerMapsProperty().get() != null);
        robot.interact(() -> {
            main().inputProperty().set(input);
            main().run();
        });
        waitUntil(() -> main().traceProperty().get().length() == input.split(",").length);
        assertThat(editor().editsProperty().get().isNone()).as("a new checkpoint starts without edits").isTrue();
        waitUntil(() -> !editor().recordedProperty().get().isNone());
        assertThat(editor().recordedProperty().get()).isEqualTo(EditedModelExport.recordedEdits(saved));
        assertThat(robot.lookup("#edit-summary").queryAs(Label.class).getText())
                .contains("saved edited (L1.pre_sm_conv.head0)");
        assertThat(main().map(Stage.FINAL).orElseThrow().values()).containsExactly(editedMap);
    }

    private void assertThatMapsAre(Map<String, float[]> expected) {
        Map<String, float[]> shown = maps(main().layerMapsProperty().get());
        assertThat(shown.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, values) -> assertThat(shown.get(name)).as(name).containsExactly(values));
    }

    private static Map<String, float[]> maps(LayerMaps held) {
        Map<String, float[]> maps = new HashMap<>();
        for (AttentionMap map : held.maps()) {
            maps.put(map.stage().id() + "/" + map.head(), map.values());
        }
        return maps;
    }

    private static Contribution term(CellExplanation explanation, String description) {
        List<Contribution> found = explanation.contributions().stream().filter(c -> c.description().equals(description)).toList();
        assertThat(found).as(description).hasSize(1);
        return found.get(0);
    }

    private static float[][] taps(float[][] kernel, int[][] at, float value) {
        for (int[] tap : at) {
            kernel[tap[0]][tap[1]] = value;
        }
        return kernel;
    }
}
