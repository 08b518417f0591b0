package org.mtalens.app.corpus;

import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.mtalens.viz.colour.ColourMap;
import org.mtalens.viz.colour.ColourScale;

/**
 * A layer x head strip: one cell per head, coloured by a value (viridis, from the smallest to the largest value
 * shown), its value written in it; clicking a cell selects that head.
 */
final class HeatStrip extends GridPane {
    private BiConsumer<Integer, Integer> onSelect = (layer, head) -> {
    };

    HeatStrip() {
        setId("corpus-strip");
        setHgap(2);
        setVgap(2);
    }

    void onSelect(BiConsumer<Integer, Integer> action) {
        this.onSelect = action;
    }

    /** Draws {@code values[layer][head]}, the cell at {@code selectedLayer, selectedHead} outlined. */
    void show(double[][] values, int selectedLayer, int selectedHead, String what) {
        getChildren().clear();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) { // no value at all
            min = 0;
            max = 1;
        } else if (min == max) {
            max = min + 1;
        }
        ColourScale scale = ColourScale.linear(ColourMap.VIRIDIS, min, max);
        for (int head = 0; head < (values.length == 0 ? 0 : values[0].length); head++) {
            add(header("H" + head), head + 1, 0);
        }
        for (int layer = 0; layer < values.length; layer++) {
            add(header("L" + layer), 0, layer + 1);
            for (int head = 0; head < values[layer].length; head++) {
                add(cell(values[layer][head], scale, layer, head, layer == selectedLayer && head == selectedHead, what),
                        head + 1, layer + 1);
            }
        }
    }

    private Label cell(double value, ColourScale scale, int layer, int head, boolean selected, String what) {
        Label cell = new Label(Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3g", value));
        cell.setId("corpus-strip-" + layer + "-" + head);
        cell.setMinSize(56, 30);
        cell.setAlignment(Pos.CENTER);
        Color fill = Double.isNaN(value) ? Color.LIGHTGREY : argb(scale.argb((float) value));
        cell.setTextFill(fill.getBrightness() > 0.6 ? Color.BLACK : Color.WHITE);
        cell.setStyle("-fx-background-color: " + web(fill) + ";" + (selected ? "-fx-border-color: #ff3b30; -fx-border-width: 2;" : ""));
        cell.setTooltip(new Tooltip("layer " + layer + ", head " + head + ": mean " + what + " " + cell.getText()));
        cell.setOnMouseClicked(e -> onSelect.accept(layer, head));
        return cell;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.setMinWidth(24);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    private static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
