package org.mtalens.app.edit;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mtalens.runtime.model.WeightEdit;

/**
 * The kernel editor in the inspector column: pick a weight of the selected layer and head, type or drag its taps,
 * apply a preset, undo/redo, and flip to the intact run; below, what the edited and intact runs answer. Binds to a
 * {@link KernelEditorViewModel}.
 */
public final class KernelEditorView {
    /** The editor's width: the inspector column's. */
    static final double WIDTH = 460;
    private final KernelEditorViewModel vm;
    private final ComboBox<EditTarget> targetChoice = new ComboBox<>();
    private final GridPane taps = new GridPane();
    private final FlowPane presets = new FlowPane(4, 4);
    private final Label summary = new Label();
    private final Label outcome = new Label();
    private final TitledPane pane;

    public KernelEditorView(KernelEditorViewModel vm) {
        this.vm = vm;
        targetChoice.setId("edit-target");
        targetChoice.setMaxWidth(Double.MAX_VALUE);
        targets();
        taps.setId("edit-taps");
        taps.setHgap(3);
        taps.setVgap(3);
        summary.setId("edit-summary");
        summary.setWrapText(true);
        outcome.setId("edit-outcome");
        outcome.setWrapText(true);
        Label saved = new Label();
        saved.setId("edit-saved");
        saved.setWrapText(true);
        saved.textProperty().bind(vm.savedProperty());
        outcome.textProperty().bind(vm.outcomeProperty());
        Label hint = new Label("Type a value and press Enter, or drag ⇕ up or down to scale a tap. The model re-runs on "
                + "the same tokens; the checkpoint is never modified. The framed tap is the identity tap.");
        hint.setWrapText(true);
        hint.setStyle("-fx-text-fill: #555555; -fx-font-size: 11px;");
        for (Label text : new Label[] {summary, outcome, saved, hint}) {
            text.setMaxWidth(WIDTH - 20);
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        presets.setPrefWrapLength(WIDTH - 20);
        VBox content = new VBox(6, targetChoice, taps, presets, buttons(), summary, outcome, saved, hint);
        content.setPadding(new Insets(6));
        content.addEventFilter(KeyEvent.KEY_PRESSED, this::undoKeys);
        pane = new TitledPane("What if: edit a kernel", content);
        pane.setId("kernel-editor");
        pane.setPrefWidth(WIDTH); // as wide as the inspector below: long text wraps instead of widening the column
        pane.setMaxWidth(WIDTH);
        targetChoice.setPrefWidth(WIDTH - 20);
        pane.setExpanded(false);
        vm.shownProperty().bind(pane.expandedProperty());
        vm.targetProperty().addListener((o, a, b) -> showTarget());
        vm.editsProperty().addListener((o, a, b) -> {
            showTarget();
            summarise();
        });
        vm.recordedProperty().addListener((o, a, b) -> summarise());
        summarise();
        showTarget();
    }

    /** @return the editor: a collapsible pane */
    public Node node() {
        return pane;
    }

    /** @return the pane, to expand it (tests, the tour) */
    public TitledPane pane() {
        return pane;
    }

    private void targets() {
        targetChoice.itemsProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> javafx.collections.FXCollections.observableArrayList(vm.targetsProperty().get()), vm.targetsProperty()));
        targetChoice.valueProperty().bindBidirectional(vm.targetProperty());
    }

    private HBox buttons() {
        Button undo = button("Undo", "edit-undo", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = button("Redo", "edit-redo", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        Button reset = button("Reset all", "edit-reset", vm::resetAll);
        ToggleButton intact = new ToggleButton("Show intact run");
        intact.setId("edit-show-intact");
        intact.selectedProperty().bindBidirectional(vm.showIntactProperty());
        return new HBox(4, undo, redo, reset, intact);
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes (inside the editor; a text field keeps its own while editing). */
    private void undoKeys(KeyEvent e) {
        if (!e.isShortcutDown() || e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.Z && !e.isShiftDown()) {
            vm.undo();
            e.consume();
        } else if (e.getCode() == KeyCode.Y || e.getCode() == KeyCode.Z) {
            vm.redo();
            e.consume();
        }
    }

    private void showTarget() {
        taps.getChildren().clear();
        presets.getChildren().clear();
        EditTarget at = vm.targetProperty().get();
        if (at == null) {
            taps.add(new Label("This layer has no MTA kernels or head mixing to edit."), 0, 0);
            return;
        }
        float[][] values = vm.values(at);
        Optional<int[]> identity = vm.identityTap(at);
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                int row = r;
                int column = c;
                boolean framed = identity.map(t -> t[0] == row && t[1] == column).orElse(!at.keyQueryKernel() && row == column);
                TapField tap = new TapField(r, c, values[r][c], framed, new TapField.Commit() {
                    @Override
                    public void typed(float value) {
                        vm.setTap(row, column, value);
                    }

                    @Override
                    public void scaled(float factor) {
                        vm.scaleTap(row, column, factor);
                    }
                });
                taps.add(tap.node(), c, r);
            }
        }
        for (KernelPreset preset : KernelPreset.values()) {
            if (preset.appliesTo(at.keyQueryKernel(), values[0].length)) {
                Button button = button(preset.label(), preset.buttonId(), () -> vm.applyPreset(preset));
                presets.getChildren().add(button);
            }
        }
    }

    private void summarise() {
        var edits = vm.editsProperty().get();
        var recorded = vm.recordedProperty().get();
        String saved = recorded.isNone() ? "" : "\nThis checkpoint was saved edited (" + names(recorded) + "); its weights "
                + "already hold those edits.";
        summary.setText((edits.isNone() ? "Nothing edited: the checkpoint's own weights."
                : edits.list().size() + " edited: " + names(edits)) + saved);
    }

    private static String names(org.mtalens.runtime.model.WeightEdits edits) {
        return String.join(", ", edits.list().stream().map(WeightEdit::name).toList());
    }
}
