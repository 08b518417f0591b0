package org.mtalens.viz.colour;

/**
 * Which values a colour scale spans. {@link Full}: the data's whole range (nothing clipped). {@link Percentile}:
 * up to the given percentile of |value| (cells beyond are drawn clipped and counted in the legend), so that one
 * outlier does not wash the rest of the map out. {@link Typed}: a range the user typed (clipped likewise).
 */
public sealed interface RangeRule {
    /** The data's whole range. */
    record Full() implements RangeRule {
        @Override
        public String toString() {
            return "data range";
        }
    }

    /**
     * Up to a percentile of |value|.
     *
     * @param percent in (0, 100], e.g. 99
     */
    record Percentile(double percent) implements RangeRule {
        public Percentile {
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException("a clipping percentile must be in (0, 100], got " + percent);
            }
        }

        @Override
        public String toString() {
            return "clipped at " + Ticks.format(percent) + "th percentile of |value|";
        }
    }

    /**
     * A typed range. On a diverging scale 0 stays the centre colour even when the range is lopsided, and a range
     * that leaves 0 out is widened to hold it (so the sign of every cell stays visible).
     *
     * @param min lowest value with a colour of the map
     * @param max highest value with a colour of the map
     */
    record Typed(double min, double max) implements RangeRule {
        public Typed {
            if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
                throw new IllegalArgumentException("a typed colour range needs finite min < max, got [" + min + ", "
                        + max + "]");
            }
        }

        @Override
        public String toString() {
            return "typed range [" + Ticks.format(min) + ", " + Ticks.format(max) + "]";
        }
    }

    /** @return the data's whole range */
    static RangeRule full() {
        return new Full();
    }

    /** @return up to the {@code percent}th percentile of |value| */
    static RangeRule percentile(double percent) {
        return new Percentile(percent);
    }

    /** @return the typed range [min, max] */
    static RangeRule typed(double min, double max) {
        return new Typed(min, max);
    }
}
