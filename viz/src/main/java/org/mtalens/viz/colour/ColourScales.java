package org.mtalens.viz.colour;

import org.mtalens.viz.Matrix;

/**
 * Chooses a map's colour scale from what the user asked for and what the data holds, so that sign is always
 * visible: data with a negative value gets the diverging map centred on 0, spanning [-a, a] with a its largest
 * |value| (or the clipping percentile of |value|), so both signs of equal size get equally strong colours; data
 * with no negative value gets the sequential map over [0, max]. Plain maths, no window needed.
 */
public final class ColourScales {
    private ColourScales() {
    }

    /** @return the colour scale for data summarised by {@code data} under {@code spec} */
    public static ColourScale choose(ScaleSpec spec, ValueSummary data) {
        RangeRule rule = spec.range();
        if (rule instanceof RangeRule.Typed typed) {
            return typed(spec, data, typed);
        }
        boolean signed = data.hasNegative();
        double top = rule instanceof RangeRule.Percentile p ? data.absPercentile(p.percent() / 100) : data.absMax();
        boolean clip = rule instanceof RangeRule.Percentile && top < data.absMax();
        double a = top > 0 && Double.isFinite(top) ? top : data.absMax() > 0 ? data.absMax() : 1;
        return make(spec, signed, signed ? -a : 0, a, a, clip);
    }

    private static ColourScale typed(ScaleSpec spec, ValueSummary data, RangeRule.Typed typed) {
        boolean signed = data.hasNegative() || typed.min() < 0;
        double min = signed ? Math.min(typed.min(), 0) : typed.min();
        double max = signed ? Math.max(typed.max(), 0) : typed.max();
        if (!(max > min)) {
            max = min + 1;
        }
        return make(spec, signed, min, max, Math.max(Math.abs(min), Math.abs(max)), true);
    }

    private static ColourScale make(ScaleSpec spec, boolean signed, double min, double max, double magnitude,
            boolean clip) {
        ColourMap map = signed ? spec.diverging() : spec.sequential();
        Scale scale = signed && spec.scale() == Scale.LOG ? Scale.SYMLOG : spec.scale();
        return switch (scale) {
            case LINEAR -> new ColourScale(map, scale, min, max, 1, clip);
            case LOG -> new ColourScale(map, scale, min > 0 ? min : max * 1e-4, max, 1, clip);
            case SYMLOG -> new ColourScale(map, scale, min, max, magnitude * 1e-3, clip);
        };
    }

    /** @return the scale of one map under {@code spec}, from its own values (per-map sharing) */
    public static ColourScale forMap(ScaleSpec spec, Matrix map) {
        return choose(spec, ValueSummary.of(map));
    }

    /**
     * Counts the unmasked cells of {@code map} that {@code scale} draws clipped, exactly.
     *
     * @return {below, above}: cells under the scale's minimum and over its maximum (both 0 when it does not clip)
     */
    public static long[] clippedCells(Matrix map, ColourScale scale) {
        long below = 0;
        long above = 0;
        if (scale.clip()) {
            float[] v = map.values();
            for (int r = 0; r < map.rows(); r++) {
                int end = map.causal() ? Math.min(r + 1, map.columns()) : map.columns();
                for (int i = r * map.columns(), e = i + end; i < e; i++) {
                    if (scale.isClipped(v[i])) {
                        if (v[i] > scale.max()) {
                            above++;
                        } else {
                            below++;
                        }
                    }
                }
            }
        }
        return new long[] {below, above};
    }

    /**
     * Counts clipped cells from a summary (for maps the caller no longer holds, e.g. pooled thumbnails): exact for
     * percentile ranges (their edges are bin edges), within one histogram bin for typed ranges.
     *
     * @return {below, above}
     */
    public static long[] clippedCells(ValueSummary data, ColourScale scale) {
        if (!scale.clip()) {
            return new long[] {0, 0};
        }
        long below = scale.scale() == Scale.LOG // 0 and negative values take the first colour of a log scale
                ? data.countBelow(scale.min()) - data.countBelow(Float.MIN_NORMAL) : data.countBelow(scale.min());
        return new long[] {below, data.countAbove(scale.max())};
    }
}
