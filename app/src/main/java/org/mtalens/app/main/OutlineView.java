package org.mtalens.app.main;

import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.ModelSession;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;

/**
 * The model outline: the checkpoint, its layers (MTA layers marked) and under each the stages it
 * runs, in forward order. Selecting a layer or a stage selects it in the view model.
 */
final class OutlineView {
    /** What a tree item stands for. */
    record Entry(String text, int layer, Stage stage) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final TreeView<Entry> tree = new TreeView<>();
    private final MainViewModel vm;
    private boolean updating;

    OutlineView(MainViewModel vm) {
        this.vm = vm;
        tree.setId("outline");
        tree.setShowRoot(true);
        tree.setPrefWidth(180);
        tree.setMinWidth(120);
        vm.sessionProperty().addListener((o, a, session) -> rebuild(session));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> select(item));
        vm.layerProperty().addListener((o, a, b) -> reflectSelection());
        vm.stageProperty().addListener((o, a, b) -> reflectSelection());
    }

    TreeView<Entry> node() {
        return tree;
    }

    private void rebuild(ModelSession session) {
        updating = true;
        if (session == null) {
            tree.setRoot(null);
            updating = false;
            return;
        }
        var config = session.checkpoint().config();
        TreeItem<Entry> root = new TreeItem<>(new Entry(session.name() + " — " + session.checkpoint().format().name().toLowerCase()
                + ", " + config.nLayers() + " layers × " + config.nHeads() + " heads", -1, null));
        root.setExpanded(true);
        for (LayerPlan plan : config.layerPlans()) {
            String marker = plan.hasKeyQueryConv() ? "  ◆ MTA conv" : plan.mtaPath() ? "  ◇ head mixing" : "";
            TreeItem<Entry> layerItem = new TreeItem<>(new Entry("layer " + plan.layer() + marker, plan.layer(), null));
            for (Stage stage : plan.stages()) {
                layerItem.getChildren().add(new TreeItem<>(new Entry(stage.id(), plan.layer(), stage)));
            }
            layerItem.setExpanded(plan.layer() == vm.layerProperty().get());
            root.getChildren().add(layerItem);
        }
        tree.setRoot(root);
        updating = false;
        reflectSelection();
    }

    private void select(TreeItem<Entry> item) {
        if (updating || item == null || item.getValue().layer() < 0) {
            return;
        }
        vm.layerProperty().set(item.getValue().layer());
        if (item.getValue().stage() != null) {
            vm.stageProperty().set(item.getValue().stage());
        }
    }

    private void reflectSelection() {
        TreeItem<Entry> root = tree.getRoot();
        if (root == null || updating) {
            return;
        }
        int layer = vm.layerProperty().get();
        Stage stage = vm.stageProperty().get();
        for (TreeItem<Entry> layerItem : root.getChildren()) {
            if (layerItem.getValue().layer() != layer) {
                continue;
            }
            layerItem.setExpanded(true);
            TreeItem<Entry> target = layerItem.getChildren().stream().filter(i -> i.getValue().stage() == stage).findFirst()
                    .orElse(layerItem);
            updating = true;
            tree.getSelectionModel().select(target);
            updating = false;
        }
    }
}
