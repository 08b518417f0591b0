package org.mtalens.app.edit;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * One tap of the edited weight: a field to type its value (Enter commits) and a handle to drag it up (larger)
 * or down (smaller), the factor e^(-dy/50) committed when the mouse is released.
 */
final class TapField {
    /** Pixels of drag that scale a tap by e. */
    static final double PIXELS_PER_E = 50;
    private final TextField field = new TextField();
    private final Label handle = new Label("⇕");
    private final HBox node = new HBox(1, field, handle);
    private double pressedY;

    /** What a commit does with the tap. */
    interface Commit {
        void typed(float value);

        void scaled(float factor);
    }

    TapField(int row, int column, float value, boolean identityTap, Commit commit) {
        field.setId("tap-" + row + "-" + column);
        field.setPrefColumnCount(4);
        field.setText(format(value));
        field.setAlignment(Pos.CENTER_RIGHT);
        if (identityTap) {
            field.setStyle("-fx-border-color: #1f6feb; -fx-border-width: 2;");
        }
        field.setOnAction(e -> typed(commit, value));
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                typed(commit, value);
            }
        });
        handle.setId("tap-handle-" + row + "-" + column);
        handle.setCursor(Cursor.V_RESIZE);
        handle.setTooltip(new Tooltip("Drag up to scale this tap up, down to scale it down"));
        handle.setOnMousePressed(e -> pressedY = e.getScreenY());
        handle.setOnMouseDragged(e -> field.setText(format(value * factor(e.getScreenY() - pressedY))));
        handle.setOnMouseReleased(e -> {
            float factor = factor(e.getScreenY() - pressedY);
            if (factor != 1f) {
                commit.scaled(factor);
            }
        });
        node.setAlignment(Pos.CENTER_LEFT);
    }

    HBox node() {
        return node;
    }

    /** @return the factor of a drag of {@code dy} pixels (down is positive) */
    static float factor(double dy) {
        return (float) Math.exp(-dy / PIXELS_PER_E);
    }

    private void typed(Commit commit, float value) {
        String text = field.getText().trim();
        try {
            float typed = Float.parseFloat(text);
            if (!Float.isFinite(typed)) {
                throw new NumberFormatException(text);
            }
            if (!text.equals(format(value))) { // the user changed the text shown
                commit.typed(typed);
            }
        } catch (NumberFormatException e) {
            field.setText(format(value)); // not a number: the tap keeps its value
        }
    }

    static String format(float value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value);
    }
}
