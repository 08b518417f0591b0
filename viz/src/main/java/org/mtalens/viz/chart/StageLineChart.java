package org.mtalens.viz.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.mtalens.viz.colour.Ticks;
import org.mtalens.viz.heatmap.HoverText;
import org.mtalens.viz.raster.LabelThinning;

/**
 * One query's attention over all its keys at several stages, one line per stage, on shared key axis. Logits and
 * weights do not share a scale: by default weights read against the right axis and logits against the left
 * ({@link LineAxes#TWO_AXES}); {@link LineAxes#SOFTMAX_OF_LOGITS} puts everything on the weight axis. Each pixel
 * column draws the lowest-to-highest span of the keys it covers, so spikes survive at T=4096. Hovering reads the
 * key's token and every line's value; clicking a key tells the key listeners. Colours: Okabe-Ito (colour-blind
 * safe). Style class {@code stage-line-chart}.
 */
public class StageLineChart extends Region {
    private static final Color[] COLOURS = {Color.web("#0072B2"), Color.web("#E69F00"), Color.web("#009E73"),
        Color.web("#CC79A7"), Color.web("#56B4E9"), Color.web("#D55E00"), Color.web("#000000"), Color.web("#F0E442")};
    private static final Font FONT = Font.font("System", 10);
    private static final double LEFT = 52;
    private static final double RIGHT = 52;
    private static final double TOP = 8;
    private static final double BOTTOM = 22;
    private static final double LEGEND_ROW = 15;

    private final ObjectProperty<List<StageSeries>> series = new SimpleObjectProperty<>(this, "series", List.of());
    private final ObjectProperty<LineAxes> axes = new SimpleObjectProperty<>(this, "axes", LineAxes.TWO_AXES);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final Canvas canvas = new Canvas();
    private final List<IntConsumer> keyListeners = new ArrayList<>();
    private List<String> tokens = List.of();
    private int hoveredKey = -1;

    public StageLineChart() {
        getStyleClass().add("stage-line-chart");
        getChildren().add(canvas);
        series.addListener((o, a, b) -> requestLayout());
        axes.addListener((o, a, b) -> requestLayout());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(keyAt(e.getX())));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int key = keyAt(e.getX());
            if (key >= 0) {
                keyListeners.forEach(l -> l.accept(key));
            }
        });
    }

    /** Shows these stages' lines for one query; {@code tokenLabels} label the keys (may be empty). */
    public void show(List<StageSeries> lines, List<String> tokenLabels) {
        tokens = List.copyOf(tokenLabels);
        series.set(List.copyOf(lines));
    }

    /** Adds a listener told the key clicked. */
    public void addKeyListener(IntConsumer listener) {
        keyListeners.add(listener);
    }

    public ObjectProperty<LineAxes> axesProperty() {
        return axes;
    }

    public ObjectProperty<List<StageSeries>> seriesProperty() {
        return series;
    }

    /** The hovered key's token and every line's value there (empty when none). */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    private int keys() {
        return series.get().isEmpty() ? 0 : series.get().get(0).keys();
    }

    private int keyAt(double x) {
        double w = plotWidth();
        return keys() == 0 || x < LEFT || x > LEFT + w ? -1 : StageLines.keyAt(x - LEFT, w, keys());
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - LEFT - RIGHT);
    }

    private void hover(int key) {
        hoveredKey = key;
        if (key < 0) {
            hoverText.set("");
        } else {
            StringBuilder s = new StringBuilder("key " + key);
            if (key < tokens.size()) {
                s.append(" \"").append(LabelThinning.display(tokens.get(key), 24)).append('"');
            }
            for (StageLines.Line l : StageLines.lines(series.get(), axes.get())) {
                s.append("   ").append(l.label()).append(' ').append(HoverText.number(l.values()[key]));
            }
            hoverText.set(s.toString());
        }
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 240;
    }

    @Override
    protected double computeMinWidth(double height) {
        return LEFT + RIGHT + 120;
    }

    @Override
    protected double computeMinHeight(double width) {
        return TOP + BOTTOM + 80;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        paint();
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        List<StageLines.Line> lines = StageLines.lines(series.get(), axes.get());
        if (lines.isEmpty()) {
            return;
        }
        double legendH = LEGEND_ROW * lines.size();
        double plotH = Math.max(20, getHeight() - TOP - BOTTOM - legendH);
        double[] left = StageLines.range(lines, false);
        double[] right = StageLines.range(lines, true);
        boolean hasLeft = lines.stream().anyMatch(l -> !l.rightAxis());
        g.setFont(FONT);
        axis(g, right, plotH, false);
        if (hasLeft) {
            axis(g, left, plotH, true);
        }
        for (int i = 0; i < lines.size(); i++) {
            StageLines.Line l = lines.get(i);
            draw(g, l, l.rightAxis() ? right : left, plotH, COLOURS[i % COLOURS.length]);
            legend(g, l, COLOURS[i % COLOURS.length], TOP + plotH + BOTTOM + i * LEGEND_ROW);
        }
        if (hoveredKey >= 0) {
            double x = LEFT + (hoveredKey + 0.5) * plotWidth() / keys();
            g.setStroke(Color.gray(0.3, 0.6));
            g.strokeLine(x, TOP, x, TOP + plotH);
        }
        g.setFill(Color.gray(0.3));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("key 0 \u2026 " + (keys() - 1), LEFT + plotWidth() / 2, TOP + plotH + 4);
    }

    private void axis(GraphicsContext g, double[] range, double plotH, boolean left) {
        double x = left ? LEFT : LEFT + plotWidth();
        g.setStroke(Color.gray(0.5));
        g.strokeLine(x, TOP, x, TOP + plotH);
        g.setFill(Color.gray(0.25));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
        for (double t : Ticks.linear(range[0], range[1], Math.max(2, (int) (plotH / 40)))) {
            double y = yOf(t, range, plotH);
            g.strokeLine(x - 3, y, x + 3, y);
            g.fillText(Ticks.format(t), left ? x - 5 : x + 5, y);
        }
        if (!left && range[0] < 0) {
            g.setStroke(Color.gray(0.75));
            g.setLineDashes(3, 3);
            g.strokeLine(LEFT, yOf(0, range, plotH), LEFT + plotWidth(), yOf(0, range, plotH));
            g.setLineDashes();
        }
    }

    private static double yOf(double v, double[] range, double plotH) {
        return TOP + (1 - (v - range[0]) / (range[1] - range[0])) * plotH;
    }

    private void draw(GraphicsContext g, StageLines.Line l, double[] range, double plotH, Color colour) {
        int pixels = (int) Math.max(1, plotWidth());
        float[] env = StageLines.envelope(l.values(), pixels);
        g.setStroke(colour);
        g.setLineWidth(1.3);
        g.beginPath();
        boolean drawing = false;
        for (int p = 0; p < pixels; p++) {
            if (Float.isNaN(env[2 * p])) {
                drawing = false;
                continue;
            }
            double x = LEFT + p + 0.5;
            double lo = yOf(env[2 * p], range, plotH);
            double hi = yOf(env[2 * p + 1], range, plotH);
            if (drawing) {
                g.lineTo(x, hi);
            } else {
                g.moveTo(x, hi);
                drawing = true;
            }
            g.lineTo(x, lo);
        }
        g.stroke();
        g.setLineWidth(1);
    }

    private void legend(GraphicsContext g, StageLines.Line l, Color colour, double y) {
        g.setStroke(colour);
        g.setLineWidth(2);
        g.strokeLine(LEFT, y + LEGEND_ROW / 2, LEFT + 18, y + LEGEND_ROW / 2);
        g.setLineWidth(1);
        g.setFill(Color.gray(0.15));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(l.label() + (l.rightAxis() ? "  (weight, right axis)" : "  (logit, left axis)"), LEFT + 24,
                y + LEGEND_ROW / 2);
    }
}
