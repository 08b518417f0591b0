package org.mtalens.viz.colour;

/** How values are spread over the colours between a minimum and a maximum. */
public enum Scale {
    /** Equal steps of value are equal steps of colour. */
    LINEAR,
    /** Equal ratios are equal steps; needs a positive minimum (values at or below it get the first colour). */
    LOG,
    /** Linear near 0 (within the linear threshold), logarithmic beyond, symmetric around 0: for signed values. */
    SYMLOG;

    /** @return the scale's transform of v; monotone increasing; {@code linThreshold} is used by SYMLOG only */
    public double forward(double v, double linThreshold) {
        return switch (this) {
            case LINEAR -> v;
            case LOG -> Math.log10(v);
            case SYMLOG -> Math.signum(v) * Math.log10(1 + Math.abs(v) / linThreshold);
        };
    }

    /** @return the value whose transform is f (inverse of {@link #forward}) */
    public double inverse(double f, double linThreshold) {
        return switch (this) {
            case LINEAR -> f;
            case LOG -> Math.pow(10, f);
            case SYMLOG -> Math.signum(f) * linThreshold * (Math.pow(10, Math.abs(f)) - 1);
        };
    }
}
