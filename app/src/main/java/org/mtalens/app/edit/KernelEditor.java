package org.mtalens.app.edit;

import java.io.File;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.mtalens.app.session.MainViewModel;

/** The kernel editor as the main window wires it: its view above the inspector, and File > Save edited model as... */
public final class KernelEditor {
    private final KernelEditorViewModel vm;
    private final KernelEditorView view;
    private final Supplier<Window> window;

    public KernelEditor(MainViewModel main, Supplier<Window> window) {
        this.vm = new KernelEditorViewModel(main);
        this.view = new KernelEditorView(vm);
        this.window = window;
    }

    /** @return the editor above {@code inspector}, which takes the rest of the column's height */
    public Node above(Node inspector) {
        VBox column = new VBox(view.node(), inspector);
        VBox.setVgrow(inspector, Priority.ALWAYS);
        return column;
    }

    /** @return File > Save edited model as...: a new checkpoint folder with the edits applied (off without edits) */
    public MenuItem saveMenuItem() {
        MenuItem save = new MenuItem("Save edited model as...");
        save.setId("menu-save-edited");
        save.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.editsProperty().get().isNone(), vm.editsProperty()));
        save.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the edited checkpoint (model.safetensors + config.json)");
            File folder = chooser.showDialog(window.get());
            if (folder != null) {
                vm.saveAs(folder.toPath());
            }
        });
        return save;
    }

    public KernelEditorViewModel viewModel() {
        return vm;
    }

    public KernelEditorView view() {
        return view;
    }
}
