package org.mtalens.app.tour;

import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The tour's own window beside the main one: the step's title, what the stage computes (words and symbols), what
 * to look at in this run, and a question; Previous / Next, also with the arrow keys, Page Up / Page Down or Space,
 * and Escape to close.
 */
public final class TourWindow {
    private final TourViewModel vm;
    private final Supplier<Window> owner;
    private final Label progress = label("tour-progress", "-fx-text-fill: #555555;");
    private final Label title = label("tour-title", "-fx-font-size: 18px; -fx-font-weight: bold;");
    private final Label computes = label("tour-computes", "");
    private final Label equation = label("tour-equation", "-fx-font-family: monospace; -fx-font-size: 14px;"
            + " -fx-background-color: #f4f4f4; -fx-padding: 6;");
    private final Label observe = label("tour-observe", "-fx-font-family: monospace;");
    private final Label question = label("tour-question", "-fx-font-style: italic; -fx-text-fill: #1f4f9b;");
    private Stage stage;

    public TourWindow(TourViewModel vm, Supplier<Window> owner) {
        this.vm = vm;
        this.owner = owner;
        vm.currentProperty().addListener((o, a, step) -> showStep(step));
        vm.statusProperty().addListener((o, a, text) -> {
            if (!text.isEmpty()) {
                progress.setText(text);
            }
        });
    }

    /** Opens (or brings forward) the tour window. */
    public void show() {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle("MTA Lens tour");
            if (owner.get() != null) {
                stage.initOwner(owner.get());
            }
            stage.setScene(new Scene(content(), 760, 600));
            stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        }
        stage.show();
        stage.toFront();
    }

    /** @return the window, once shown (tests) */
    public Stage stage() {
        return stage;
    }

    private VBox content() {
        Button previous = new Button("◀ Previous");
        previous.setId("tour-previous");
        previous.setOnAction(e -> vm.previous());
        previous.disableProperty().bind(vm.indexProperty().lessThanOrEqualTo(0));
        Button next = new Button("Next ▶");
        next.setId("tour-next");
        next.setOnAction(e -> vm.next());
        next.disableProperty().bind(vm.indexProperty().greaterThanOrEqualTo(
                javafx.beans.binding.Bindings.createIntegerBinding(() -> vm.stepsProperty().get().size() - 1,
                        vm.stepsProperty())));
        Button close = new Button("Close");
        close.setOnAction(e -> stage.hide());
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox buttons = new HBox(8, previous, next, space, close);
        VBox box = new VBox(10, progress, title, computes, equation, heading("In this run"), observe,
                heading("Question"), question, buttons);
        box.setPadding(new Insets(14));
        box.setId("tour");
        showStep(vm.currentProperty().get());
        return box;
    }

    private void keys(KeyEvent e) {
        switch (e.getCode()) {
            case RIGHT, PAGE_DOWN, SPACE, DOWN -> vm.next();
            case LEFT, PAGE_UP, BACK_SPACE, UP -> vm.previous();
            case ESCAPE -> stage.hide();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void showStep(TourStep step) {
        if (step == null) {
            return;
        }
        TourStep.Selection s = step.selection();
        progress.setText(String.format("Step %d of %d · layer %d · head %d · %s · query %d, key %d",
                vm.indexProperty().get() + 1, vm.stepsProperty().get().size(), s.layer(), s.head(), s.stage().id(),
                s.query(), s.key()));
        title.setText(step.title());
        computes.setText(step.computes());
        equation.setText(step.equation());
        observe.setText(step.observe());
        question.setText(step.question());
    }

    private static Label label(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setStyle(style);
        return label;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }
}
