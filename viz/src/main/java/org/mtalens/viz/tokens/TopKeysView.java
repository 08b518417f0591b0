package org.mtalens.viz.tokens;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import org.mtalens.viz.heatmap.HoverText;
import org.mtalens.viz.raster.LabelThinning;

/**
 * A query's top keys as a list: rank, key position, value, and the key's token in bold between a few tokens of
 * context. Clicking a row (or pressing Enter on it) tells the key listeners that key, e.g. to jump the map to it.
 * Style class {@code top-keys}; rows {@code top-key}, the key's token {@code top-key-token}.
 */
public class TopKeysView extends ListView<TopKeys.Hit> {
    private IntConsumer onKey = key -> { };

    public TopKeysView() {
        getStyleClass().add("top-keys");
        setCellFactory(list -> new HitCell());
        setOnMouseClicked(e -> emit());
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                emit();
            }
        });
        setMinWidth(160);
        setPrefHeight(220);
    }

    /** Shows these hits, largest first. */
    public void show(List<TopKeys.Hit> hits) {
        getItems().setAll(hits);
    }

    /** Tells {@code action} the key of a clicked row. */
    public void setOnKey(IntConsumer action) {
        onKey = action;
    }

    private void emit() {
        TopKeys.Hit hit = getSelectionModel().getSelectedItem();
        if (hit != null) {
            onKey.accept(hit.key());
        }
    }

    private final class HitCell extends ListCell<TopKeys.Hit> {
        @Override
        protected void updateItem(TopKeys.Hit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label where = new Label((getIndex() + 1) + ".  key " + hit.key() + "  " + HoverText.number(hit.value()));
            where.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label before = new Label(join(hit.before()));
            Label token = new Label(LabelThinning.display(hit.token(), 24));
            token.getStyleClass().add("top-key-token");
            token.setStyle("-fx-font-weight: bold;");
            Label after = new Label(join(hit.after()));
            before.setStyle("-fx-text-fill: #6b7280;");
            after.setStyle("-fx-text-fill: #6b7280;");
            HBox row = new HBox(6, where, before, token, after);
            row.getStyleClass().add("top-key");
            setGraphic(row);
            setText(null);
        }

        private String join(List<String> tokens) {
            StringBuilder s = new StringBuilder();
            tokens.forEach(t -> s.append(LabelThinning.display(t, 16)));
            return s.toString();
        }
    }
}
