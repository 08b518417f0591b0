package org.mtalens.viz.colour;

import java.util.Objects;

/**
 * What the user chose about colours: which maps share a scale, which values it spans, the colour maps and the
 * transform. The data decides the rest ({@link ColourScales#choose}): a map holding a negative value is always
 * drawn on the diverging map centred on 0, one that cannot be negative on the sequential map. Defaults are
 * colour-blind safe: viridis and ColorBrewer's RdBu.
 *
 * @param sharing    per map, per layer or all maps shown
 * @param range      the data's range, a percentile of |value| or a typed range
 * @param sequential the map for data with no negative value (viridis, cividis, magma, grey)
 * @param diverging  the map for data with a negative value (must be diverging)
 * @param scale      linear, log (non-negative data; signed data falls back to symlog) or symlog
 */
public record ScaleSpec(ScaleSharing sharing, RangeRule range, ColourMap sequential, ColourMap diverging,
                        Scale scale) {
    /** Each map on its own whole range, viridis / RdBu, linear. */
    public static final ScaleSpec PER_MAP = new ScaleSpec(ScaleSharing.PER_MAP, RangeRule.full(), ColourMap.VIRIDIS,
            ColourMap.BLUE_WHITE_RED, Scale.LINEAR);
    /** One range over every map shown (the model grid's default). */
    public static final ScaleSpec SHARED_BY_ALL = PER_MAP.withSharing(ScaleSharing.ALL);

    public ScaleSpec {
        Objects.requireNonNull(sharing, "sharing");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(sequential, "sequential");
        Objects.requireNonNull(diverging, "diverging");
        Objects.requireNonNull(scale, "scale");
        if (!diverging.isDiverging()) {
            throw new IllegalArgumentException(diverging + " is not a diverging colour map");
        }
        if (sequential.isDiverging()) {
            throw new IllegalArgumentException(sequential + " is not a sequential colour map");
        }
    }

    public ScaleSpec withSharing(ScaleSharing s) {
        return new ScaleSpec(s, range, sequential, diverging, scale);
    }

    public ScaleSpec withRange(RangeRule r) {
        return new ScaleSpec(sharing, r, sequential, diverging, scale);
    }

    public ScaleSpec withSequential(ColourMap m) {
        return new ScaleSpec(sharing, range, m, diverging, scale);
    }

    public ScaleSpec withScale(Scale s) {
        return new ScaleSpec(sharing, range, sequential, diverging, s);
    }
}
