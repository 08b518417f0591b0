package org.mtalens.viz.colour;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A vertical colour bar that says what the colours of a map mean: the gradient of a {@link ColourScale}
 * with ticks (high values on top) and, below, the swatches for masked (future) and NaN cells. Given a
 * {@link ScaleLegend} it also marks the data's minimum and maximum on the bar (a triangle each, with the values
 * above and below the bar) and, for a clipping scale, how many cells are drawn in the over and under colours.
 * Style class {@code colour-bar}; labels {@code colour-bar-max}, {@code colour-bar-min}, {@code colour-bar-above},
 * {@code colour-bar-below}.
 */
public class ColourBar extends Region {
    private static final double MARK = 6;
    private static final double BAR_X = MARK + 1;
    private static final double BAR_WIDTH = 14;
    private static final double SWATCH = 12;
    private static final double LINE = 15;
    private static final double WIDTH = 80;
    private static final Font FONT = Font.font("System", 10);

    private final ObjectProperty<ColourScale> colourScale = new SimpleObjectProperty<>(this, "colourScale");
    private final ObjectProperty<ScaleLegend> legend = new SimpleObjectProperty<>(this, "legend");
    private final Canvas canvas = new Canvas();
    private final Label maxLabel = label("colour-bar-max");
    private final Label minLabel = label("colour-bar-min");
    private final Label aboveLabel = label("colour-bar-above");
    private final Label belowLabel = label("colour-bar-below");
    private boolean showSwatches = true;
    private double swatchTop;

    public ColourBar() {
        getStyleClass().add("colour-bar");
        getChildren().addAll(canvas, maxLabel, minLabel, aboveLabel, belowLabel);
        colourScale.addListener((o, a, b) -> requestLayout());
        legend.addListener((o, a, b) -> legendChanged(b));
    }

    public ColourBar(ColourScale scale) {
        this();
        setColourScale(scale);
    }

    private static Label label(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setManaged(false);
        l.setVisible(false);
        l.setFont(FONT);
        return l;
    }

    private void legendChanged(ScaleLegend l) {
        if (l != null) {
            colourScale.set(l.scale());
        }
        boolean data = l != null && !Double.isNaN(l.dataMax());
        maxLabel.setText(data ? "max " + Ticks.format(l.dataMax()) : "");
        minLabel.setText(data ? "min " + Ticks.format(l.dataMin()) : "");
        boolean clip = l != null && l.scale().clip();
        aboveLabel.setText(clip ? l.clippedAbove() + " above" : "");
        belowLabel.setText(clip ? l.clippedBelow() + " below" : "");
        aboveLabel.setGraphic(clip ? swatch(l.scale().map().overArgb()) : null);
        belowLabel.setGraphic(clip ? swatch(l.scale().map().underArgb()) : null);
        for (Label label : new Label[] {maxLabel, minLabel, aboveLabel, belowLabel}) {
            label.setVisible(!label.getText().isEmpty());
        }
        requestLayout();
    }

    private static Rectangle swatch(int argb) {
        Rectangle r = new Rectangle(10, 10, argbColour(argb));
        r.setStroke(Color.gray(0.35));
        return r;
    }

    private static Color argbColour(int argb) {
        return Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255);
    }

    /** Whether the masked and NaN swatches are shown below the bar (default true; kernels have neither). */
    public void setShowSwatches(boolean show) {
        showSwatches = show;
        requestLayout();
    }

    public final ObjectProperty<ColourScale> colourScaleProperty() {
        return colourScale;
    }

    public final ColourScale getColourScale() {
        return colourScale.get();
    }

    public final void setColourScale(ColourScale scale) {
        colourScale.set(scale);
    }

    /** The legend shown (null: only the scale); setting it also sets the colour scale. */
    public final ObjectProperty<ScaleLegend> legendProperty() {
        return legend;
    }

    public final ScaleLegend getLegend() {
        return legend.get();
    }

    public final void setLegend(ScaleLegend l) {
        legend.set(l);
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = WIDTH;
        for (Label l : new Label[] {maxLabel, minLabel, aboveLabel, belowLabel}) {
            if (l.isVisible()) {
                w = Math.max(w, l.prefWidth(-1) + 2);
            }
        }
        return w + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return 200;
    }

    @Override
    public String getUserAgentStylesheet() {
        return ColourBar.class.getResource("/org/mtalens/viz/colour-bar.css").toExternalForm();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = snapSizeY(getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        canvas.setWidth(Math.max(0, w));
        canvas.setHeight(Math.max(0, h));
        double top = maxLabel.isVisible() ? LINE + 4 : 6;
        double below = (minLabel.isVisible() ? LINE : 0) + (aboveLabel.isVisible() ? 2 * LINE : 0)
                + (showSwatches ? 2 * (SWATCH + 6) : 0) + 8;
        double barHeight = Math.floor(h - top - below);
        draw(canvas.getGraphicsContext2D(), w, h, top, barHeight);
        double x = snappedLeftInset();
        double y = snappedTopInset();
        place(maxLabel, x, y);
        double under = y + top + Math.max(barHeight, 0) + 3;
        place(minLabel, x, under);
        under += minLabel.isVisible() ? LINE : 0;
        place(aboveLabel, x, under);
        place(belowLabel, x, under + LINE);
        swatchTop = under + (aboveLabel.isVisible() ? 2 * LINE : 0) + 4 - y;
        if (showSwatches && barHeight >= 20) {
            drawSwatches(canvas.getGraphicsContext2D(), swatchTop);
        }
    }

    private static void place(Label l, double x, double y) {
        if (l.isVisible()) {
            l.resizeRelocate(x, y, l.prefWidth(-1), l.prefHeight(-1));
        }
    }

    private void draw(GraphicsContext g, double w, double h, double top, double barHeight) {
        g.clearRect(0, 0, w, h);
        ColourScale scale = getColourScale();
        if (scale == null || barHeight < 20) {
            return;
        }
        g.drawImage(gradient(scale, (int) barHeight), BAR_X, top);
        g.setStroke(Color.gray(0.35));
        g.setLineWidth(1);
        g.strokeRect(BAR_X + 0.5, top + 0.5, BAR_WIDTH - 1, barHeight - 1);
        g.setFont(FONT);
        g.setFill(Color.gray(0.15));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        List<Double> ticks = Ticks.of(scale, Math.max(2, (int) (barHeight / 40)));
        for (double t : ticks) {
            double y = yOf(scale, t, top, barHeight);
            g.strokeLine(BAR_X + BAR_WIDTH, y, BAR_X + BAR_WIDTH + 4, y);
            g.fillText(Ticks.format(t), BAR_X + BAR_WIDTH + 7, y);
        }
        ScaleLegend l = getLegend();
        if (l != null && !Double.isNaN(l.dataMax())) {
            mark(g, yOf(scale, l.dataMax(), top, barHeight));
            mark(g, yOf(scale, l.dataMin(), top, barHeight));
        }
    }

    private static double yOf(ColourScale scale, double v, double top, double barHeight) {
        return top + (1 - scale.position(v)) * (barHeight - 1) + 0.5;
    }

    /** A triangle left of the bar pointing at height y: where the data's min or max sits. */
    private static void mark(GraphicsContext g, double y) {
        g.setFill(Color.gray(0.1));
        g.fillPolygon(new double[] {0, MARK, 0}, new double[] {y - MARK / 2 - 1, y, y + MARK / 2 + 1}, 3);
    }

    private void drawSwatches(GraphicsContext g, double y) {
        g.setFont(FONT);
        g.setFill(Color.gray(0.15));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        swatch(g, y, true);
        g.fillText("masked", BAR_X + BAR_WIDTH + 7, y + SWATCH / 2);
        swatch(g, y + SWATCH + 6, false);
        g.fillText("NaN", BAR_X + BAR_WIDTH + 7, y + SWATCH + 6 + SWATCH / 2);
    }

    private static void swatch(GraphicsContext g, double y, boolean masked) {
        WritableImage img = new WritableImage((int) BAR_WIDTH, (int) SWATCH);
        for (int py = 0; py < SWATCH; py++) {
            for (int px = 0; px < BAR_WIDTH; px++) {
                img.getPixelWriter().setArgb(px, py, masked ? ColourScale.maskedArgb(px, py) : ColourScale.NAN);
            }
        }
        g.drawImage(img, BAR_X, y);
        g.setStroke(Color.gray(0.35));
        g.strokeRect(BAR_X + 0.5, y + 0.5, BAR_WIDTH - 1, SWATCH - 1);
    }

    /** @return the bar's colours, top (position 1) to bottom (position 0) */
    private static WritableImage gradient(ColourScale scale, int height) {
        int w = (int) BAR_WIDTH;
        int[] argb = new int[w * height];
        for (int y = 0; y < height; y++) {
            int c = scale.map().argb(1 - (double) y / Math.max(1, height - 1));
            java.util.Arrays.fill(argb, y * w, (y + 1) * w, c);
        }
        WritableImage img = new WritableImage(w, height);
        img.getPixelWriter().setPixels(0, 0, w, height, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }
}
