package org.mtalens.viz.colour;

/**
 * A {@link ColourScale} prepared for colouring many values fast: the range transform is precomputed and linear
 * scales skip it entirely. Gives the same colours as {@link ColourScale#argb(float)}.
 */
public final class ColourLookup {
    private final ColourScale scale;
    private final double f0;
    private final double perUnit;

    public ColourLookup(ColourScale scale) {
        this.scale = scale;
        this.f0 = scale.scale().forward(scale.min(), scale.linThreshold());
        double f1 = scale.scale().forward(scale.max(), scale.linThreshold());
        this.perUnit = 1 / (f1 - f0);
    }

    /** @return the opaque ARGB colour of v; NaN gives {@link ColourScale#NAN} */
    public int argb(float v) {
        if (v != v) {
            return ColourScale.NAN;
        }
        double f = switch (scale.scale()) {
            case LINEAR -> v;
            case LOG -> v <= scale.min() ? f0 : Math.log10(v);
            case SYMLOG -> scale.scale().forward(v, scale.linThreshold());
        };
        return scale.map().argb((f - f0) * perUnit);
    }
}
