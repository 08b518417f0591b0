package org.mtalens.app.main;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.ModelSession;
import org.mtalens.viz.tokens.TokenStrip;

/** The input: token ids to run, Run, generate N tokens, the head to show, and the tokens as chips. */
final class InputBar {
    private final VBox root;
    private final TokenStrip tokens = new TokenStrip();
    private final HBox heads = new HBox(2);
    private final ToggleGroup headGroup = new ToggleGroup();
    private List<String> shownLabels = List.of();

    InputBar(MainViewModel vm) {
        TextField input = new TextField();
        input.setId("input");
        input.promptTextProperty().bind(javafx.beans.binding.Bindings.when(vm.inputIsTextProperty())
                .then("text, encoded with the checkpoint's tokenizer").otherwise("token ids, e.g. 3,17,5"));
        ToggleButton ids = new ToggleButton("ids");
        ids.setId("input-ids");
        ToggleButton text = new ToggleButton("text");
        text.setId("input-text");
        ToggleGroup kind = new ToggleGroup();
        ids.setToggleGroup(kind);
        text.setToggleGroup(kind);
        ids.setSelected(true);
        text.selectedProperty().addListener((o, a, on) -> vm.inputIsTextProperty().set(on));
        vm.inputIsTextProperty().addListener((o, a, on) -> (on ? text : ids).setSelected(true));
        CheckBox bos = new CheckBox("BOS");
        bos.setId("add-bos");
        bos.selectedProperty().bindBidirectional(vm.addBosProperty());
        bos.disableProperty().bind(text.selectedProperty().not());
        Label tokenizer = new Label();
        tokenizer.setId("tokenizer");
        tokenizer.getStyleClass().add("drift");
        input.textProperty().bindBidirectional(vm.inputProperty());
        input.setOnAction(e -> vm.run());
        HBox.setHgrow(input, Priority.ALWAYS);
        Button run = new Button("Run");
        run.setId("run");
        run.setDefaultButton(true);
        run.setOnAction(e -> vm.run());
        Spinner<Integer> count = new Spinner<>(1, 512, 8);
        count.setPrefWidth(80);
        count.setEditable(true);
        Button generate = new Button("Generate");
        generate.setId("generate");
        generate.setOnAction(e -> vm.generate(count.getValue()));
        heads.setAlignment(Pos.CENTER_LEFT);
        Button instance = new Button("New instance");
        instance.setId("new-instance");
        instance.setOnAction(e -> vm.newInstance());
        instance.managedProperty().bind(instance.visibleProperty());
        instance.setVisible(false);
        HBox row = new HBox(8, new Label("Input"), ids, text, bos, input, run, instance, count, generate, new Label("head"), heads);
        row.setAlignment(Pos.CENTER_LEFT);
        keepWhole(row, input);
        tokens.setId("tokens");
        tokens.setMaxHeight(Region.USE_PREF_SIZE);
        root = new VBox(6, row, new HBox(8, tokenizer), tokens);
        root.setPadding(new Insets(8, 10, 8, 10));
        vm.sessionProperty().addListener((o, a, session) -> {
            rebuildHeads(session, vm);
            text.setDisable(session == null || session.tokenizer().rawIdsOnly());
            instance.setVisible(session != null && session.findBlockTask().isPresent());
            tokenizer.setText(session == null ? "" : "tokenizer: " + session.tokenizer().message());
        });
        vm.traceProperty().addListener((o, a, b) -> {
            List<String> labels = vm.tokenLabels();
            if (!labels.equals(shownLabels)) {
                shownLabels = labels;
                tokens.setTokens(labels);
            }
            tokens.markRange(org.mtalens.app.adapt.VizAdapter.tokenRange(vm.markedKeysProperty().get()));
        });
        vm.headProperty().addListener((o, a, h) -> selectHead(h.intValue()));
    }

    Node node() {
        return root;
    }

    /** Every control of the row but the input keeps its full text: the input field gives way when room is short. */
    private static void keepWhole(HBox row, TextField input) {
        for (Node n : row.getChildren()) {
            if (n != input && n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        input.setMinWidth(120);
        input.setPrefColumnCount(24);
    }

    TokenStrip tokenStrip() {
        return tokens;
    }

    private void rebuildHeads(ModelSession session, MainViewModel vm) {
        heads.getChildren().clear();
        if (session == null) {
            return;
        }
        for (int h = 0; h < session.checkpoint().config().nHeads(); h++) {
            int head = h;
            ToggleButton button = new ToggleButton(Integer.toString(h));
            button.setId("head-" + h);
            button.setToggleGroup(headGroup);
            button.setOnAction(e -> vm.headProperty().set(head));
            heads.getChildren().add(button);
        }
        selectHead(vm.headProperty().get());
    }

    private void selectHead(int head) {
        if (head < heads.getChildren().size()) {
            ((ToggleButton) heads.getChildren().get(head)).setSelected(true);
        }
    }
}
