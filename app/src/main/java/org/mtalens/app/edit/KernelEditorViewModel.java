package org.mtalens.app.edit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.ModelSession;
import org.mtalens.app.work.Refresh;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.export.EditedModelExport;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.WeightEdit;
import org.mtalens.runtime.model.WeightEdits;

/**
 * The kernel editor ("what if"): the user's edits of key-query kernels and head-mixing matrices, with undo and redo,
 * shown by the main window as an overlay run ({@link MainViewModel#editsProperty()}: the model re-runs on the same
 * tokens from the first edited layer, the checkpoint's weights untouched), or the intact run when asked. Also what
 * the runs answer (next token, find-the-block block), and saving the edited model. Holds no nodes.
 */
public final class KernelEditorViewModel {
    private final MainViewModel main;
    private final EditHistory history = new EditHistory();
    private final ReadOnlyObjectWrapper<WeightEdits> edits = new ReadOnlyObjectWrapper<>(WeightEdits.none());
    private final BooleanProperty showIntact = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<List<EditTarget>> targets = new ReadOnlyObjectWrapper<>(List.of());
    private final ObjectProperty<EditTarget> target = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<WeightEdits> recorded = new ReadOnlyObjectWrapper<>(WeightEdits.none());
    /** The session whose recorded edits were read (a new run cancels view jobs: the read is retried after each run). */
    private ModelSession recordedOf;

    public KernelEditorViewModel(MainViewModel main) {
        this.main = main;
        main.sessionProperty().addListener((o, a, b) -> forgetEdits());
        main.layerProperty().addListener((o, a, b) -> refreshTargets(false));
        main.headProperty().addListener((o, a, b) -> refreshTargets(true));
        edits.addListener((o, a, b) -> showRun());
        showIntact.addListener((o, a, b) -> showRun());
        Refresh.whenShown(shown, this::describeOutcome, main.traceProperty());
        main.traceProperty().addListener((o, a, b) -> readRecordedEdits());
        refreshTargets(false);
    }

    // ---- commands ----

    /** Sets tap (row, column) of the selected weight to {@code value}: one step of undo. */
    public void setTap(int row, int column, float value) {
        EditTarget at = target.get();
        if (at == null) {
            return;
        }
        float[][] values = values(at);
        values[row][column] = value;
        replace(at, values);
    }

    /** Multiplies tap (row, column) of the selected weight by {@code factor} (a drag): one step of undo. */
    public void scaleTap(int row, int column, float factor) {
        EditTarget at = target.get();
        if (at != null) {
            setTap(row, column, values(at)[row][column] * factor);
        }
    }

    /** Puts {@code preset} in place of the selected weight. */
    public void applyPreset(KernelPreset preset) {
        EditTarget at = target.get();
        if (at == null) {
            return;
        }
        float[][] current = values(at);
        replace(at, preset.values(at.keyQueryKernel(), current.length, current[0].length, padKey()));
    }

    /** Replaces {@code at}'s values (an edit equal to the checkpoint's own weights is dropped). */
    public void replace(EditTarget at, float[][] values) {
        WeightEdits before = edits.get();
        WeightEdits after = Arrays.deepEquals(values, stored(at)) ? before.without(at.name())
                : before.with(new WeightEdit(at.layer(), at.part(), at.index(), values));
        if (!after.equals(before)) {
            history.changed(before);
            setEdits(after);
        }
    }

    public void undo() {
        setEdits(history.undo(edits.get()));
    }

    public void redo() {
        setEdits(history.redo(edits.get()));
    }

    /** Drops every edit (one step of undo): the checkpoint's own weights again. */
    public void resetAll() {
        if (!edits.get().isNone()) {
            history.changed(edits.get());
            setEdits(WeightEdits.none());
        }
    }

    /**
     * Saves the open checkpoint with the edits applied as a new checkpoint folder (model.safetensors with the edits in
     * its metadata, config.json), in the background.
     */
    public void saveAs(Path folder) {
        ModelSession open = main.sessionProperty().get();
        WeightEdits toSave = edits.get();
        if (open == null) {
            return;
        }
        main.background("save-edited", "Saving the edited model to " + folder + " ...", progress -> {
            try {
                EditedModelExport.write(open.checkpoint(), toSave, folder);
                return folder;
            } catch (IOException e) {
                throw new InvalidInputException(folder + ": " + e.getMessage(), e);
            }
        }, written -> saved.set("Saved " + toSave.list().size() + " edit(s) as a new checkpoint: " + written));
    }

    // ---- derived state ----

    /** @return [rows][columns] the weight as the edited run uses it: the edit, else the checkpoint's */
    public float[][] values(EditTarget at) {
        return edits.get().find(at.name()).map(WeightEdit::values).orElseGet(() -> stored(at));
    }

    /** @return [rows][columns] the checkpoint's own values of {@code at} */
    public float[][] stored(EditTarget at) {
        Checkpoint checkpoint = main.sessionProperty().get().checkpoint();
        ModelConfig config = checkpoint.config();
        int[] shape = at.part().shape(config.layerPlan(at.layer()), config);
        float[] all = checkpoint.tensor(at.part().tensorKey(at.layer())).toFloatArray();
        float[][] values = new float[shape[0]][];
        int offset = at.index() * shape[0] * shape[1];
        for (int r = 0; r < shape[0]; r++) {
            values[r] = Arrays.copyOfRange(all, offset + r * shape[1], offset + (r + 1) * shape[1]);
        }
        return values;
    }

    /** @return the identity tap (row, column) of a key-query kernel of {@code at}'s shape, or empty for a matrix */
    public Optional<int[]> identityTap(EditTarget at) {
        if (!at.keyQueryKernel()) {
            return Optional.empty();
        }
        float[][] v = values(at);
        return Optional.of(new int[] {v.length - 1, padKey().currentKeyColumn(v[0].length)});
    }

    private org.mtalens.runtime.config.PadKey padKey() {
        return main.sessionProperty().get().checkpoint().config().mta().padKey();
    }

    private void setEdits(WeightEdits next) {
        edits.set(next);
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        saved.set("");
    }

    private void forgetEdits() {
        recorded.set(WeightEdits.none());
        history.clear();
        setEdits(WeightEdits.none());
        showIntact.set(false);
        refreshTargets(false);
    }

    /**
     * The weights of the selected layer and head; the first (a key-query kernel where the layer has one) is selected,
     * or, when only the head changed ({@code keepKind}), the same kind of weight as before.
     */
    /** Reads, in the background, the edits a saved edited model records in its metadata (none for other checkpoints). */
    private void readRecordedEdits() {
        ModelSession open = main.sessionProperty().get();
        if (open != null && open != recordedOf && main.traceProperty().get() != null) {
            main.background("recorded-edits", "Reading " + open.name() + "'s metadata ...",
                    progress -> EditedModelExport.recordedEdits(open.checkpoint()), edits -> {
                        if (main.sessionProperty().get() == open) {
                            recordedOf = open;
                            recorded.set(edits);
                        }
                    });
        }
    }

    private void refreshTargets(boolean keepKind) {
        ModelSession open = main.sessionProperty().get();
        EditTarget before = target.get();
        if (open == null || main.layerProperty().get() >= open.checkpoint().config().nLayers()) {
            targets.set(List.of());
            target.set(null);
            return;
        }
        List<EditTarget> now = EditTarget.forSelection(open.checkpoint().config(), main.layerProperty().get(),
                main.headProperty().get());
        targets.set(now);
        target.set(now.stream().filter(t -> keepKind && before != null && t.part() == before.part()).findFirst()
                .orElse(now.isEmpty() ? null : now.get(0)));
    }

    private void showRun() {
        main.editsProperty().set(showIntact.get() ? WeightEdits.none() : edits.get());
    }

    /** Describes, in the background, what the run shown and the intact run answer. */
    private void describeOutcome() {
        Trace shown = main.traceProperty().get();
        Trace intact = main.intactTraceProperty().get();
        ModelSession open = main.sessionProperty().get();
        if (shown == null || intact == null || open == null) {
            outcome.set("");
            return;
        }
        boolean instance = main.markedKeysProperty().get() != null;
        main.background("edit-outcome", "Reading the answers ...", progress -> new EditOutcome[] {
            EditOutcome.of(shown, open.findBlockTask(), instance), EditOutcome.of(intact, open.findBlockTask(), instance)},
                both -> outcome.set(describe(both[0], shown.edits().isNone() ? null : both[1], main::tokenName)));
    }

    static String describe(EditOutcome shown, EditOutcome intact, IntFunction<String> names) {
        StringBuilder s = new StringBuilder(String.format("Next token: %s (p %.3f)", names.apply(shown.nextToken()),
                shown.probability()));
        if (intact != null) {
            s.append(String.format("; intact: %s (p %.3f)", names.apply(intact.nextToken()), intact.probability()));
        }
        shown.predicted().ifPresent(block -> {
            s.append("\nFind the block: answers ").append(letters(block, names)).append(shown.foundTheBlock() ? " ✓" : " ✗")
                    .append(" (target ").append(letters(shown.target().orElseThrow(), names)).append(')');
            if (intact != null && intact.predicted().isPresent()) {
                s.append("; intact: ").append(letters(intact.predicted().get(), names))
                        .append(intact.foundTheBlock() ? " ✓" : " ✗");
            }
        });
        return s.toString();
    }

    private static String letters(int[] tokens, IntFunction<String> names) {
        StringBuilder s = new StringBuilder("'");
        Arrays.stream(tokens).forEach(t -> s.append(names.apply(t)));
        return s.append('\'').toString();
    }

    // ---- properties ----

    /** Whether the editor is on screen: only then are the runs' answers read. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** The edits (none: the checkpoint's own weights). */
    public ReadOnlyObjectProperty<WeightEdits> editsProperty() {
        return edits.getReadOnlyProperty();
    }

    /** True: the main window shows the intact run (the edits are kept, one click away). */
    public BooleanProperty showIntactProperty() {
        return showIntact;
    }

    /** The weights of the selected layer and head that can be edited. */
    public ReadOnlyObjectProperty<List<EditTarget>> targetsProperty() {
        return targets.getReadOnlyProperty();
    }

    /** The weight being edited. */
    public ObjectProperty<EditTarget> targetProperty() {
        return target;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** What the run shown answers (next token, find-the-block block), beside the intact run's when edited. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The edits the open checkpoint was saved with (a saved edited model), none for others. */
    public ReadOnlyObjectProperty<WeightEdits> recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    /** Where the last save went, or empty. */
    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
