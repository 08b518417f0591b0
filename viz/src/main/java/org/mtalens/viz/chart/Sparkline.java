package org.mtalens.viz.chart;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A word-sized line chart of a short series (e.g. a kernel's distance from its initialisation over the
 * checkpoints of a run), with a dot on the last value. Drawn on a canvas of a fixed size.
 */
public final class Sparkline extends Canvas {
    private static final double PAD = 3;
    private double[] values = new double[0];
    private double top = Double.NaN;

    public Sparkline(double width, double height) {
        super(width, height);
        getStyleClass().add("sparkline");
    }

    /** Shows {@code series} (copied), scaled to its own largest value. */
    public void setValues(double[] series) {
        setValues(series, SparklinePoints.largest(series));
    }

    /** Shows {@code series} (copied) with {@code scaleTop} at the top, so rows of a table share one scale. */
    public void setValues(double[] series, double scaleTop) {
        values = series.clone();
        top = scaleTop;
        draw();
    }

    /** @return the series shown */
    public double[] getValues() {
        return values.clone();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        double[] xy = SparklinePoints.layout(values, getWidth(), getHeight(), PAD, top);
        g.setStroke(Color.web("#1f6feb"));
        g.setLineWidth(1.5);
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < values.length; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            if (Double.isNaN(x)) {
                drawing = false;
            } else if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.stroke();
        int last = values.length - 1;
        if (last >= 0 && !Double.isNaN(xy[2 * last])) {
            g.setFill(Color.web("#d1242f"));
            g.fillOval(xy[2 * last] - 2, xy[2 * last + 1] - 2, 4, 4);
        }
    }
}
