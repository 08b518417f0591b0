package org.mtalens.viz.chart;

/**
 * Where a sparkline's points go: values spread evenly from left to right, scaled so that 0 and the largest
 * value span the height (0 at the bottom; a sparkline of distances starts from nothing). Non-finite values
 * leave a gap. Plain maths, no window needed.
 */
public final class SparklinePoints {
    private SparklinePoints() {
    }

    /**
     * @param values the series, in order
     * @param width  pixels across
     * @param height pixels down
     * @param pad    pixels kept free on every side (so the line's ends and dots are not clipped)
     * @return {x0, y0, x1, y1, ...} in pixels, y growing downwards; NaN pairs for non-finite values
     */
    public static double[] layout(double[] values, double width, double height, double pad) {
        return layout(values, width, height, pad, largest(values));
    }

    /**
     * As {@link #layout(double[], double, double, double)} with {@code top} at the top instead of the series'
     * own largest value, so that sparklines of several rows share one scale.
     */
    public static double[] layout(double[] values, double width, double height, double pad, double top) {
        double[] xy = new double[values.length * 2];
        double across = width - 2 * pad;
        double down = height - 2 * pad;
        for (int i = 0; i < values.length; i++) {
            double x = pad + (values.length == 1 ? across / 2 : across * i / (values.length - 1));
            double share = top > 0 ? Math.min(values[i] / top, 1) : 0;
            xy[2 * i] = Double.isFinite(values[i]) ? x : Double.NaN;
            xy[2 * i + 1] = Double.isFinite(values[i]) ? pad + down * (1 - share) : Double.NaN;
        }
        return xy;
    }

    /** @return the largest finite |value|, 0 when there is none */
    public static double largest(double[] values) {
        double top = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                top = Math.max(top, Math.abs(v));
            }
        }
        return top;
    }
}
