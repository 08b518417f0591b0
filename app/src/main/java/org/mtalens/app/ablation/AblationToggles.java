package org.mtalens.app.ablation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.mtalens.runtime.model.AblatedPart;
import org.mtalens.runtime.model.Ablation;

/**
 * The switches of live ablation: per layer, one check box per part the layer has (ticked = switched
 * off); per head of the selected layer, one per kernel and one for the whole head. Ids:
 * {@code off-L1-pre_sm_conv}, {@code off-L1-head0-post_sm_conv}, {@code off-L1-head0}.
 */
final class AblationToggles {
    private final AblationViewModel vm;
    private final GridPane layers = new GridPane();
    private final GridPane heads = new GridPane();
    private final Label headsTitle = new Label();
    private final VBox root = new VBox(8);
    private final List<Switch> switches = new ArrayList<>();
    private boolean syncing;

    /** A check box and the part it switches off. */
    private record Switch(CheckBox box, Ablation.Item item) {
    }

    AblationToggles(AblationViewModel vm) {
        this.vm = vm;
        Label title = new Label("Switch off (ticked = off)");
        title.getStyleClass().add("inspector-subheading");
        layers.setHgap(10);
        layers.setVgap(3);
        heads.setHgap(10);
        heads.setVgap(3);
        headsTitle.getStyleClass().add("inspector-subheading");
        root.getChildren().addAll(title, layers, headsTitle, heads);
        root.setPadding(new Insets(8));
        root.setId("ablation-toggles");
        vm.main().sessionProperty().addListener((o, a, b) -> rebuild());
        vm.main().layerProperty().addListener((o, a, b) -> rebuild());
        vm.comparison().ablationProperty().addListener((o, a, b) -> sync());
    }

    Node node() {
        return root;
    }

    private void rebuild() {
        switches.clear();
        layers.getChildren().clear();
        heads.getChildren().clear();
        var session = vm.main().sessionProperty().get();
        if (session == null) {
            return;
        }
        var config = session.checkpoint().config();
        List<AblatedPart> columns = new ArrayList<>();
        for (int layer = 0; layer < config.nLayers(); layer++) {
            vm.layerParts(layer).stream().filter(p -> !columns.contains(p)).forEach(columns::add);
        }
        columns.sort(null);
        for (int c = 0; c < columns.size(); c++) {
            layers.add(header(columns.get(c).id().replace("_sm_", "_sm\n")), c + 1, 0);
        }
        for (int layer = 0; layer < config.nLayers(); layer++) {
            layers.add(new Label("layer " + layer), 0, layer + 1);
            for (AblatedPart part : vm.layerParts(layer)) {
                layers.add(toggle(new Ablation.Item(layer, Optional.empty(), part)), columns.indexOf(part) + 1, layer + 1);
            }
        }
        int layer = Math.min(vm.main().layerProperty().get(), config.nLayers() - 1);
        headsTitle.setText("Heads of layer " + layer + " (select another layer in the outline)");
        List<AblatedPart> headParts = vm.headParts(layer);
        for (int c = 0; c < headParts.size(); c++) {
            AblatedPart part = headParts.get(c);
            heads.add(header(part == AblatedPart.HEAD ? "whole\nhead" : part.id() + "\nkernel"), c + 1, 0);
        }
        for (int head = 0; head < config.nHeads(); head++) {
            heads.add(new Label("head " + head), 0, head + 1);
            for (int c = 0; c < headParts.size(); c++) {
                heads.add(toggle(new Ablation.Item(layer, Optional.of(head), headParts.get(c))), c + 1, head + 1);
            }
        }
        sync();
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.setMnemonicParsing(false);
        label.getStyleClass().add("stage-title");
        return label;
    }

    private CheckBox toggle(Ablation.Item item) {
        CheckBox box = new CheckBox();
        javafx.scene.layout.GridPane.setHalignment(box, javafx.geometry.HPos.CENTER);
        box.setId("off-" + item.toString().replace('.', '-'));
        box.selectedProperty().addListener((o, was, off) -> {
            if (!syncing) {
                vm.switchOff(item, off);
            }
        });
        switches.add(new Switch(box, item));
        return box;
    }

    /** Ticks exactly the parts that are off, without re-running anything. */
    private void sync() {
        syncing = true;
        try {
            for (Switch s : switches) {
                s.box().setSelected(vm.isOff(s.item()));
            }
        } finally {
            syncing = false;
        }
    }
}
