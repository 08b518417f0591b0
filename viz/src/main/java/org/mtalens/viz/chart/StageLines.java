package org.mtalens.viz.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The maths of the stage chart (one query's attention over all its keys at several stages): which series goes on
 * which axis ({@link LineAxes}), the value range of each axis, and per pixel column the lowest and highest value of
 * the keys it covers (an envelope, so a one-key spike among thousands of keys still reaches its height). Plain
 * maths, no window needed.
 */
public final class StageLines {
    private StageLines() {
    }

    /** A series as drawn: its label, its axis and its values. */
    public record Line(String label, boolean rightAxis, float[] values) {
    }

    /** @return the series to draw under {@code axes}: weights on the right; logits left, or as their softmax on the right */
    public static List<Line> lines(List<StageSeries> series, LineAxes axes) {
        List<Line> out = new ArrayList<>();
        for (StageSeries s : series) {
            if (s.kind() == StageSeries.Kind.WEIGHT) {
                out.add(new Line(s.stage(), true, s.values()));
            } else if (axes == LineAxes.TWO_AXES) {
                out.add(new Line(s.stage(), false, s.values()));
            } else {
                out.add(new Line("softmax(" + s.stage() + ")", true, softmax(s.values())));
            }
        }
        return out;
    }

    /** @return the softmax of {@code logits} (finite ones; -inf gives 0), computed stably in double */
    public static float[] softmax(float[] logits) {
        double top = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            top = Math.max(top, v);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            e[i] = Float.isNaN(logits[i]) || top == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logits[i] - top);
            sum += e[i];
        }
        float[] out = new float[logits.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sum > 0 ? (float) (e[i] / sum) : 0;
        }
        return out;
    }

    /**
     * @return {min, max} of the finite values of the lines on one axis; a weight axis always holds 0, a flat axis
     *         is widened to a unit range
     */
    public static double[] range(List<Line> lines, boolean rightAxis) {
        double min = rightAxis ? 0 : Double.POSITIVE_INFINITY;
        double max = rightAxis ? 0 : Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            if (l.rightAxis() == rightAxis) {
                for (float v : l.values()) {
                    if (Float.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        if (min > max) {
            return new double[] {0, 1};
        }
        return max > min ? new double[] {min, max} : new double[] {min - 0.5, max + 0.5};
    }

    /**
     * @param values one per key
     * @param pixels pixel columns across the plot
     * @return [2 * pixels]: per pixel column {lowest, highest} finite value of the keys it covers (NaN, NaN where
     *         none); with fewer keys than pixels each pixel shows the key under its centre
     */
    public static float[] envelope(float[] values, int pixels) {
        float[] out = new float[2 * pixels];
        int n = values.length;
        for (int p = 0; p < pixels; p++) {
            int from = (int) ((long) p * n / pixels);
            int to = Math.max(from + 1, (int) ((long) (p + 1) * n / pixels));
            float lo = Float.NaN;
            float hi = Float.NaN;
            for (int k = from; k < Math.min(to, n); k++) {
                float v = values[k];
                if (Float.isFinite(v)) {
                    lo = Float.isNaN(lo) ? v : Math.min(lo, v);
                    hi = Float.isNaN(hi) ? v : Math.max(hi, v);
                }
            }
            out[2 * p] = lo;
            out[2 * p + 1] = hi;
        }
        return out;
    }

    /** @return the key under pixel column x of a plot {@code width} pixels wide showing {@code keys} keys */
    public static int keyAt(double x, double width, int keys) {
        return Math.max(0, Math.min(keys - 1, (int) Math.floor(x / width * keys)));
    }
}
