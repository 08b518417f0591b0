package org.mtalens.viz.tokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ColourScales;
import org.mtalens.viz.colour.Contrast;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.colour.ValueSummary;
import org.mtalens.viz.heatmap.HoverText;

/**
 * The input as running text with each token's background shaded by a weight (e.g. the selected query's attention
 * over its keys, as BertViz and CircuitsVis show it): the sequential map for weights that are all >= 0, the diverging
 * map centred on 0 when one is negative; tokens without a weight (after the query) stay plain. Virtualised: lines are
 * wrapped by arithmetic ({@link TextLines}) and only the lines in view are drawn, so thousands of tokens scroll
 * smoothly. Hover reads a token's weight; clicking a token tells the token listeners. Style class
 * {@code shaded-text}.
 */
public class ShadedTextView extends Region {
    private static final Font FONT = Font.font("System", 13);
    private static final double LINE = 21;
    private static final double PAD = 3;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final Map<Character, Double> charWidths = new HashMap<>();
    private final Text probe = new Text();
    private List<String> tokens = List.of();
    private float[] weights = new float[0];
    private ColourScale scale;
    private TextLines lines;
    private double wrappedWidth = -1;
    private int marked = -1;
    private int[] painted = {0, 0};
    private int paintedTokens;
    private IntConsumer onToken = i -> { };

    public ShadedTextView() {
        getStyleClass().add("shaded-text");
        probe.setFont(FONT);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.valueProperty().addListener((o, a, b) -> paint());
        getChildren().addAll(canvas, scrollBar);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            scrollBar.setValue(Math.max(0, Math.min(scrollBar.getMax(), scrollBar.getValue() - e.getDeltaY())));
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(tokenAt(e.getX(), e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int i = tokenAt(e.getX(), e.getY());
            if (i >= 0) {
                onToken.accept(i);
            }
        });
    }

    /**
     * Shows the text with its shading.
     *
     * @param tokenTexts the tokens' texts, in order
     * @param tokenWeights one weight per token, or fewer (tokens past the end stay plain); NaN stays plain
     * @param markedToken a token outlined (e.g. the query), -1 for none
     */
    public void show(List<String> tokenTexts, float[] tokenWeights, int markedToken) {
        tokens = List.copyOf(tokenTexts);
        weights = tokenWeights.clone();
        marked = markedToken;
        ValueSummary data = ValueSummary.empty();
        for (float w : weights) {
            data.add(w);
        }
        scale = ColourScales.choose(ScaleSpec.PER_MAP, data);
        wrappedWidth = -1;
        requestLayout();
    }

    /** Tells {@code action} the index of a clicked token. */
    public void setOnToken(IntConsumer action) {
        onToken = action;
    }

    /** Scrolls so that token i's line is in view. */
    public void scrollTo(int token) {
        if (lines != null && token >= 0 && token < tokens.size()) {
            scrollBar.setValue(Math.min(scrollBar.getMax(), lines.lineOf(token) * LINE));
        }
    }

    /** The hovered token and its weight (empty when none). */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** @return {first, end} of the lines drawn last (end exclusive): only those in view */
    public int[] paintedLines() {
        return painted.clone();
    }

    /** @return how many tokens were drawn last */
    public int paintedTokens() {
        return paintedTokens;
    }

    /** @return all lines of the text at the current width (null before the first layout) */
    public TextLines lines() {
        return lines;
    }

    /** @return the colour scale of the shading */
    public ColourScale colourScale() {
        return scale;
    }

    private double measure(String token) {
        double w = 2 * PAD;
        String shown = shown(token);
        for (int i = 0; i < shown.length(); i++) {
            w += charWidths.computeIfAbsent(shown.charAt(i), c -> {
                probe.setText(String.valueOf(c));
                return probe.getLayoutBounds().getWidth();
            });
        }
        return w;
    }

    private static String shown(String token) {
        return token.replace("\n", "\u21b5").replace("\t", "\u21e5");
    }

    @Override
    protected double computePrefWidth(double height) {
        return 520;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 240;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 120;
    }

    @Override
    protected void layoutChildren() {
        double bar = scrollBar.prefWidth(-1);
        double w = Math.max(1, getWidth() - bar);
        scrollBar.resizeRelocate(w, 0, bar, getHeight());
        canvas.setWidth(w);
        canvas.setHeight(getHeight());
        if (w != wrappedWidth) {
            lines = TextLines.wrap(tokens, w - 8, this::measure, LINE);
            wrappedWidth = w;
        }
        scrollBar.setMax(Math.max(0, lines.height() - getHeight() + 8));
        scrollBar.setVisibleAmount(getHeight());
        scrollBar.setValue(Math.min(scrollBar.getValue(), scrollBar.getMax()));
        paint();
    }

    private int tokenAt(double x, double y) {
        return lines == null ? -1 : lines.tokenAt(x - 4, y + scrollBar.getValue() - 4);
    }

    private void hover(int token) {
        hoverText.set(token < 0 ? "" : "token " + token + " \"" + tokens.get(token).replace("\n", "\u21b5") + "\""
                + (token < weights.length && !Float.isNaN(weights[token])
                ? "  weight " + HoverText.number(weights[token]) : "  (no weight)"));
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (lines == null) {
            return;
        }
        double top = scrollBar.getValue();
        painted = lines.visible(Math.max(0, top - 4), canvas.getHeight());
        paintedTokens = 0;
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int line = painted[0]; line < painted[1]; line++) {
            double y = 4 + line * LINE - top;
            for (int i = lines.firstToken(line); i < lines.endToken(line); i++) {
                paintToken(g, i, 4 + lines.x(i), y);
                paintedTokens++;
            }
        }
    }

    private void paintToken(GraphicsContext g, int i, double x, double y) {
        boolean weighted = i < weights.length && !Float.isNaN(weights[i]);
        int argb = weighted ? scale.argb(weights[i]) : 0xFFFFFFFF;
        if (weighted) {
            g.setFill(Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255));
            g.fillRect(x, y + 1, lines.width(i), LINE - 2);
        }
        if (i == marked) {
            g.setStroke(Color.web("#0ea5e9"));
            g.setLineWidth(2);
            g.strokeRect(x + 1, y + 2, lines.width(i) - 2, LINE - 4);
        }
        g.setFill(weighted && Contrast.isDark(argb) ? Color.WHITE : Color.gray(0.1));
        g.fillText(shown(tokens.get(i)), x + PAD, y + LINE / 2);
    }
}
