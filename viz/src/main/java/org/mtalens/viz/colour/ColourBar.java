package org.mtalens.viz.colour;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A vertical colour bar that says what the colours of a map mean: the gradient of a {@link ColourScale}
 * with ticks (high values on top) and, below, the swatches for masked (future) and NaN cells.
 * Style class {@code colour-bar}.
 */
public class ColourBar extends Region {
    private static final double BAR_WIDTH = 14;
    private static final double SWATCH = 12;
    private static final Font FONT = Font.font("System", 10);

    private final ObjectProperty<ColourScale> colourScale = new SimpleObjectProperty<>(this, "colourScale");
    private final Canvas canvas = new Canvas();
    private boolean showSwatches = true;

    public ColourBar() {
        getStyleClass().add("colour-bar");
        getChildren().add(canvas);
        colourScale.addListener((o, a, b) -> requestLayout());
    }

    public ColourBar(ColourScale scale) {
        this();
        setColourScale(scale);
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

    @Override
    protected double computePrefWidth(double height) {
        return 74;
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
        draw(canvas.getGraphicsContext2D(), w, h);
    }

    private void draw(GraphicsContext g, double w, double h) {
        g.clearRect(0, 0, w, h);
        ColourScale scale = getColourScale();
        double legend = showSwatches ? 2 * (SWATCH + 6) : 0;
        double top = 6;
        double barHeight = Math.floor(h - legend - top - 8);
        if (scale == null || barHeight < 20) {
            return;
        }
        g.drawImage(gradient(scale, (int) barHeight), 2, top);
        g.setStroke(Color.gray(0.35));
        g.strokeRect(2.5, top + 0.5, BAR_WIDTH - 1, barHeight - 1);
        g.setFont(FONT);
        g.setFill(Color.gray(0.15));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        List<Double> ticks = Ticks.of(scale, Math.max(2, (int) (barHeight / 40)));
        for (double t : ticks) {
            double y = top + (1 - scale.position(t)) * (barHeight - 1) + 0.5;
            g.strokeLine(2 + BAR_WIDTH, y, 6 + BAR_WIDTH, y);
            g.fillText(Ticks.format(t), 9 + BAR_WIDTH, y);
        }
        if (!showSwatches) {
            return;
        }
        double y = top + barHeight + 8;
        swatch(g, y, true);
        g.fillText("masked", 9 + BAR_WIDTH, y + SWATCH / 2);
        swatch(g, y + SWATCH + 6, false);
        g.fillText("NaN", 9 + BAR_WIDTH, y + SWATCH + 6 + SWATCH / 2);
    }

    private static void swatch(GraphicsContext g, double y, boolean masked) {
        WritableImage img = new WritableImage((int) BAR_WIDTH, (int) SWATCH);
        for (int py = 0; py < SWATCH; py++) {
            for (int px = 0; px < BAR_WIDTH; px++) {
                img.getPixelWriter().setArgb(px, py, masked ? ColourScale.maskedArgb(px, py) : ColourScale.NAN);
            }
        }
        g.drawImage(img, 2, y);
        g.strokeRect(2.5, y + 0.5, BAR_WIDTH - 1, SWATCH - 1);
    }

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
