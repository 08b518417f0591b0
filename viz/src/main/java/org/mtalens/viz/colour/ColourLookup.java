package org.mtalens.viz.colour;

/**
 * A {@link ColourScale} prepared for colouring many values fast: linear scales skip the transform and the
 * position arithmetic is precomputed. Gives the same colours as {@link ColourScale#argb(float)}.
 */
public final class ColourLookup {
    private final ColourScale scale;
    private final boolean linear;
    private final boolean centred;
    private final double f0;
    private final double perUnit;
    private final double perNegative;
    private final double perPositive;

    public ColourLookup(ColourScale scale) {
        this.scale = scale;
        this.linear = scale.scale() == Scale.LINEAR;
        this.centred = scale.centredOnZero();
        this.f0 = scale.scale().forward(scale.min(), scale.linThreshold());
        double f1 = scale.scale().forward(scale.max(), scale.linThreshold());
        this.perUnit = 1 / (f1 - f0);
        this.perNegative = centred ? -0.5 / f0 : 0;
        this.perPositive = centred ? 0.5 / f1 : 0;
    }

    /** @return the opaque ARGB colour of v; NaN gives {@link ColourScale#NAN} */
    public int argb(float v) {
        if (v != v) {
            return ColourScale.NAN;
        }
        if (scale.clip() && scale.isClipped(v)) {
            return v > scale.max() ? scale.map().overArgb() : scale.map().underArgb();
        }
        if (!linear) {
            return scale.map().argb(scale.position(v));
        }
        double t = centred ? 0.5 + v * (v < 0 ? perNegative : perPositive) : (v - f0) * perUnit;
        return scale.map().argb(t);
    }
}
