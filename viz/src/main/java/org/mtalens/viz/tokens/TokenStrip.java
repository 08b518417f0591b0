package org.mtalens.viz.tokens;

import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import org.mtalens.viz.TokenRange;
import org.mtalens.viz.raster.LabelThinning;

/**
 * The input tokens as chips with their text (whitespace made visible), wrapping like text. Hovering a chip
 * tells the listeners its index (the app highlights that row and column in every map, see
 * {@code HeatmapView.highlightToken}); {@link #highlight} marks a chip from outside, {@link #markRange} a run of
 * chips (e.g. the target block).
 * Style class {@code token-strip}; chips {@code token-chip} ({@code highlighted} when highlighted, {@code marked}
 * when in the marked range), ids {@code token-N}.
 */
public class TokenStrip extends StackPane {
    /** The most rows of chips shown at once; more scroll, so a long input never pushes the maps out of the window. */
    static final int VISIBLE_ROWS = 3;

    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(this, "hoveredToken", -1);
    private final FlowPane chips = new FlowPane(3, 3);
    private int highlighted = -1;
    private TokenRange marked;

    public TokenStrip() {
        getStyleClass().add("token-strip");
        chips.getStyleClass().add("token-chips");
        ScrollPane scroll = new ScrollPane(chips);
        scroll.setFitToWidth(true);
        getChildren().add(scroll);
    }

    public TokenStrip(List<String> tokens) {
        this();
        setTokens(tokens);
    }

    /** Shows these tokens, in input order. */
    public void setTokens(List<String> tokens) {
        chips.getChildren().clear();
        highlighted = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Label chip = new Label(LabelThinning.display(tokens.get(i), 24));
            chip.getStyleClass().add("token-chip");
            chip.setId("token-" + i);
            int index = i;
            String text = tokens.get(i);
            chip.setOnMouseEntered(e -> { // the tooltip made when first needed: thousands of chips, few hovered
                hovered.set(index);
                if (chip.getTooltip() == null) {
                    chip.setTooltip(new Tooltip("token " + index + ": \"" + text + "\""));
                }
            });
            chip.setOnMouseExited(e -> hovered.set(-1));
            chips.getChildren().add(chip);
        }
        markRange(marked);
    }

    /** At most {@value #VISIBLE_ROWS} rows of chips tall; the rest scroll. */
    @Override
    protected double computePrefHeight(double width) {
        double all = super.computePrefHeight(width);
        if (chips.getChildren().isEmpty()) {
            return all;
        }
        double row = chips.getChildren().get(0).prefHeight(-1) + chips.getVgap();
        double rows = snappedTopInset() + snappedBottomInset() + chips.getPadding().getTop() + chips.getPadding().getBottom()
                + VISIBLE_ROWS * row + 2;
        return Math.min(all, rows);
    }

    /** Marks token {@code index} (-1 clears), e.g. when a map's hovered row is that token. */
    public void highlight(int index) {
        if (highlighted >= 0 && highlighted < chips.getChildren().size()) {
            chips.getChildren().get(highlighted).getStyleClass().remove("highlighted");
        }
        highlighted = index;
        if (index >= 0 && index < chips.getChildren().size()) {
            chips.getChildren().get(index).getStyleClass().add("highlighted");
        }
    }

    /**
     * Gives the chips of tokens {@code [from, to)} the style class {@code marked} (null clears); kept when the
     * tokens change. Indices past the last token are ignored.
     */
    public void markRange(TokenRange range) {
        marked = range;
        for (int i = 0; i < chips.getChildren().size(); i++) {
            List<String> classes = chips.getChildren().get(i).getStyleClass();
            boolean in = range != null && range.contains(i);
            if (in && !classes.contains("marked")) {
                classes.add("marked");
            } else if (!in) {
                classes.remove("marked");
            }
        }
    }

    /** @return the marked range, null when none */
    public TokenRange markedRange() {
        return marked;
    }

    /** The index of the token under the mouse, -1 when none. */
    public ReadOnlyIntegerProperty hoveredTokenProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** Adds a listener told about every change of the hovered token. */
    public void addHoverListener(TokenListener listener) {
        hovered.addListener((o, a, b) -> listener.tokenHovered(b.intValue()));
    }

    @Override
    public String getUserAgentStylesheet() {
        return TokenStrip.class.getResource("/org/mtalens/viz/token-strip.css").toExternalForm();
    }
}
