package org.mtalens.viz.colour;

import java.util.Objects;
import org.mtalens.viz.ValueKind;

/**
 * What colour a value gets: a colour map, a scale, and the value range [min, max] it spans.
 * A diverging map whose range holds 0 keeps 0 at its centre colour (white) even when the range is lopsided:
 * each side of 0 is spread over its half of the map (matplotlib's "two-slope" norm). A scale that {@link #clip()}s
 * draws values outside the range in the map's {@link ColourMap#overArgb() over} and
 * {@link ColourMap#underArgb() under} colours; one that does not gives them the end colours.
 * Masked and NaN cells have their own colours ({@link #MASKED_LIGHT}/{@link #MASKED_DARK} hatching, {@link #NAN}),
 * never a colour of the map.
 *
 * @param map          colour map
 * @param scale        linear, log or symlog
 * @param min          value at the first colour
 * @param max          value at the last colour
 * @param linThreshold SYMLOG: the |value| below which the scale is linear (ignored otherwise)
 * @param clip         true: values outside [min, max] get the over/under colours (a percentile or typed range)
 */
public record ColourScale(ColourMap map, Scale scale, double min, double max, double linThreshold, boolean clip) {
    /** Light stripe of the hatching that marks masked (future) cells. */
    public static final int MASKED_LIGHT = 0xFFD9D9D9;
    /** Dark stripe of the hatching that marks masked (future) cells. */
    public static final int MASKED_DARK = 0xFFB0B0B0;
    /** Colour of NaN cells: a magenta no map uses. */
    public static final int NAN = 0xFFFF00FF;
    /** Colour outside the map (beyond its last row or column). */
    public static final int OUTSIDE = 0x00000000;

    public ColourScale {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(scale, "scale");
        if (!(max > min) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("colour scale range must be finite with min < max, got [" + min + ", "
                    + max + "]");
        }
        if (scale == Scale.LOG && !(min > 0)) {
            throw new IllegalArgumentException("a log scale needs a positive minimum, got " + min);
        }
        if (scale == Scale.SYMLOG && !(linThreshold > 0)) {
            throw new IllegalArgumentException("a symlog scale needs a positive linear threshold, got " + linThreshold);
        }
    }

    /** A scale that gives values outside its range the end colours (no clipping marks). */
    public ColourScale(ColourMap map, Scale scale, double min, double max, double linThreshold) {
        this(map, scale, min, max, linThreshold, false);
    }

    /** A linear scale of {@code map} over [min, max]. */
    public static ColourScale linear(ColourMap map, double min, double max) {
        return new ColourScale(map, Scale.LINEAR, min, max, 1);
    }

    /**
     * The default scale for a kind of value with the given largest |value|: weights get viridis over [0, absMax],
     * signed values the diverging map over [-absMax, absMax] (0 is white). A zero range becomes [0, 1] / [-1, 1].
     * LOG uses [absMax * 1e-4, absMax]; SYMLOG a linear threshold of absMax * 1e-3.
     */
    public static ColourScale forKind(ValueKind kind, double absMax, Scale scale) {
        double a = absMax > 0 && Double.isFinite(absMax) ? absMax : 1;
        ColourMap map = kind == ValueKind.SIGNED ? ColourMap.BLUE_WHITE_RED : ColourMap.VIRIDIS;
        double min = kind == ValueKind.SIGNED ? -a : 0;
        return switch (scale) {
            case LINEAR -> new ColourScale(map, scale, min, a, 1);
            case LOG -> new ColourScale(map, scale, a * 1e-4, a, 1);
            case SYMLOG -> new ColourScale(map, scale, min, a, a * 1e-3);
        };
    }

    /** @return this scale with another colour map */
    public ColourScale withMap(ColourMap other) {
        return new ColourScale(other, scale, min, max, linThreshold, clip);
    }

    /** @return true when 0 sits at the map's centre with each sign on its own half (diverging, min < 0 < max) */
    public boolean centredOnZero() {
        return map.isDiverging() && min < 0 && max > 0;
    }

    /** @return the position in [0, 1] of value v (clamped; NaN gives NaN) */
    public double position(double v) {
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        if (scale == Scale.LOG && v <= min) {
            return 0;
        }
        double t = unclamped(v);
        return t < 0 ? 0 : Math.min(t, 1);
    }

    private double unclamped(double v) {
        double f = scale.forward(v, linThreshold);
        if (centredOnZero()) {
            return f < 0 ? 0.5 - 0.5 * f / scale.forward(min, linThreshold)
                    : 0.5 + 0.5 * f / scale.forward(max, linThreshold);
        }
        double f0 = scale.forward(min, linThreshold);
        double f1 = scale.forward(max, linThreshold);
        return (f - f0) / (f1 - f0);
    }

    /** @return the value at position t in [0, 1] (inverse of {@link #position} inside the range) */
    public double valueAt(double t) {
        if (centredOnZero()) {
            double f = t < 0.5 ? (1 - 2 * t) * scale.forward(min, linThreshold)
                    : (2 * t - 1) * scale.forward(max, linThreshold);
            return scale.inverse(f, linThreshold);
        }
        double f0 = scale.forward(min, linThreshold);
        double f1 = scale.forward(max, linThreshold);
        return scale.inverse(f0 + t * (f1 - f0), linThreshold);
    }

    /** @return true when a clipping scale draws v in its over or under colour */
    public boolean isClipped(double v) {
        return clip && (v > max || v < min && !(scale == Scale.LOG && v <= 0));
    }

    /** @return the opaque ARGB colour of value v; NaN gives {@link #NAN}, clipped values the over/under colour */
    public int argb(float v) {
        if (v != v) {
            return NAN;
        }
        if (isClipped(v)) {
            return v > max ? map.overArgb() : map.underArgb();
        }
        return map.argb(position(v));
    }

    /** @return the ARGB colour of a masked cell at pixel (x, y): diagonal hatching */
    public static int maskedArgb(int x, int y) {
        return ((x + y) & 7) < 2 ? MASKED_DARK : MASKED_LIGHT;
    }
}
