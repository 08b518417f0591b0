package org.mtalens.viz.colour;

import org.mtalens.viz.Matrix;

/**
 * What a colour scale needs to know about some values, kept small and mergeable so that a range shared by many
 * maps (all heads of a layer, the whole model grid) is computed one map at a time without holding them together:
 * the count, the smallest and largest finite value, how many are negative or NaN, and a histogram of the values
 * with 64 bins per power of two on each side of 0 (a bin is 1/64 of its octave wide; only the octaves that occur
 * take memory, 512 bytes each). Percentiles come out as bin edges, within 1.6% of the exact value, and the cells
 * beyond such an edge are counted exactly. Masked (future) cells of a causal map are not values and are never
 * counted. Not thread-safe: summarise on one thread each, then {@link #merge}.
 */
public final class ValueSummary {
    /** Bins per octave: the top 6 mantissa bits. */
    private static final int MANTISSA_BITS = 6;
    private static final int SUB_BINS = 1 << MANTISSA_BITS;
    private static final int SHIFT = 23 - MANTISSA_BITS;
    /** Octaves: 256 exponents for each sign, positive first. */
    private static final int OCTAVES = 512;
    /** Rows summarised by one task of {@link #of(float[], int, int, boolean)}; the parts are merged. */
    private static final int ROWS_PER_TASK = 256;
    private static final int NEGATIVE_ZERO = 0x80000000;

    private long count;
    private long negatives;
    private long nans;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    /** [sign * 256 + exponent] -> 64 counts, null until a value falls in that octave. */
    private final long[][] bins = new long[OCTAVES][];

    /** @return an empty summary (no values) */
    public static ValueSummary empty() {
        return new ValueSummary();
    }

    /** @return the summary of the unmasked cells of {@code map} */
    public static ValueSummary of(Matrix map) {
        return of(map.values(), map.rows(), map.columns(), map.causal());
    }

    /**
     * @param values  [rows, columns] row-major
     * @param causal  true: cells with column > row are masked and skipped
     * @return the summary of the values (for callers that hold a raw array, e.g. before pooling a map)
     */
    public static ValueSummary of(float[] values, int rows, int columns, boolean causal) {
        int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        return java.util.stream.IntStream.range(0, tasks).parallel().mapToObj(t -> {
            Counting c = new Counting();
            for (int r = t * ROWS_PER_TASK, last = Math.min(rows, (t + 1) * ROWS_PER_TASK); r < last; r++) {
                int end = causal ? Math.min(r + 1, columns) : columns;
                c.addAll(values, r * columns, r * columns + end);
            }
            return c.summary();
        }).reduce(new ValueSummary(), ValueSummary::mergeInto, ValueSummary::mergeInto);
    }

    private static ValueSummary mergeInto(ValueSummary a, ValueSummary b) {
        return new ValueSummary().merge(a).merge(b);
    }

    /**
     * The fast path of {@link #of}: a flat histogram indexed by the float's top 15 bits (sign, exponent, 6 mantissa
     * bits) and plain counters, folded into a summary once at the end.
     */
    private static final class Counting {
        private final int[] flat = new int[1 << 15];
        private long nans;
        private float min = Float.POSITIVE_INFINITY;
        private float max = Float.NEGATIVE_INFINITY;

        void addAll(float[] values, int from, int to) {
            for (int i = from; i < to; i++) {
                float v = values[i];
                int bits = Float.floatToRawIntBits(v);
                if ((bits & 0x7fffffff) > 0x7f800000) {
                    nans++;
                    continue;
                }
                flat[(bits == NEGATIVE_ZERO ? 0 : bits) >>> SHIFT]++;
                if (v < min && v != Float.NEGATIVE_INFINITY) {
                    min = v;
                }
                if (v > max && v != Float.POSITIVE_INFINITY) {
                    max = v;
                }
            }
        }

        ValueSummary summary() {
            ValueSummary s = new ValueSummary();
            s.nans = nans;
            s.min = min;
            s.max = max;
            for (int i = 0; i < flat.length; i++) {
                if (flat[i] > 0) {
                    int octave = (i >>> 14) * 256 + ((i >>> MANTISSA_BITS) & 255);
                    if (s.bins[octave] == null) {
                        s.bins[octave] = new long[SUB_BINS];
                    }
                    s.bins[octave][i & (SUB_BINS - 1)] += flat[i];
                    s.count += flat[i];
                    s.negatives += i >= 1 << 14 ? flat[i] : 0;
                }
            }
            return s;
        }
    }

    /** Counts one value. */
    public void add(float v) {
        if (v != v) {
            nans++;
            return;
        }
        count++;
        if (v < 0) {
            negatives++;
        }
        if (v != Float.POSITIVE_INFINITY && v != Float.NEGATIVE_INFINITY) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int bits = Float.floatToRawIntBits(v);
        bits = bits == NEGATIVE_ZERO ? 0 : bits; // -0 is not a negative value
        int bin = (bits & 0x7fffffff) >>> SHIFT;
        int octave = (bits < 0 ? 256 : 0) + (bin >>> MANTISSA_BITS);
        long[] octaveBins = bins[octave];
        if (octaveBins == null) {
            octaveBins = bins[octave] = new long[SUB_BINS];
        }
        octaveBins[bin & (SUB_BINS - 1)]++;
    }

    /** Adds {@code other}'s values to this summary. @return this */
    public ValueSummary merge(ValueSummary other) {
        count += other.count;
        negatives += other.negatives;
        nans += other.nans;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        for (int o = 0; o < OCTAVES; o++) {
            if (other.bins[o] != null) {
                if (bins[o] == null) {
                    bins[o] = new long[SUB_BINS];
                }
                for (int i = 0; i < SUB_BINS; i++) {
                    bins[o][i] += other.bins[o][i];
                }
            }
        }
        return this;
    }

    /** @return a new summary holding the values of all {@code parts} */
    public static ValueSummary union(Iterable<ValueSummary> parts) {
        ValueSummary s = new ValueSummary();
        for (ValueSummary p : parts) {
            s.merge(p);
        }
        return s;
    }

    /** @return how many values (NaN not counted) */
    public long count() {
        return count;
    }

    /** @return how many values are below 0 */
    public long negatives() {
        return negatives;
    }

    /** @return how many NaN cells were seen */
    public long nans() {
        return nans;
    }

    /** @return true when a value is below 0: such data is drawn on a diverging scale */
    public boolean hasNegative() {
        return negatives > 0;
    }

    /** @return the smallest finite value, NaN when there is none */
    public double min() {
        return min == Double.POSITIVE_INFINITY ? Double.NaN : min;
    }

    /** @return the largest finite value, NaN when there is none */
    public double max() {
        return max == Double.NEGATIVE_INFINITY ? Double.NaN : max;
    }

    /** @return the largest finite |value|, 0 when there is none */
    public double absMax() {
        return min > max ? 0 : Math.max(Math.abs(min), Math.abs(max));
    }

    /**
     * @param p a share in (0, 1], e.g. 0.99
     * @return a magnitude a such that at least share {@code p} of the values have |value| <= a: the top of the
     *         histogram bin where that share is reached (a float just below the next bin's edge, so that
     *         {@link #countAbove}/{@link #countBelow} at +-a are exact), at most {@link #absMax()}; 0 for no values
     */
    public double absPercentile(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("percentile share must be in (0, 1], got " + p);
        }
        long needed = (long) Math.ceil(p * count);
        long seen = 0;
        for (int octave = 0; octave < 256 && count > 0; octave++) {
            for (int i = 0; i < SUB_BINS; i++) {
                seen += at(octave, i) + at(256 + octave, i);
                if (seen >= needed) {
                    int next = (octave * SUB_BINS + i + 1) << SHIFT;
                    double top = next < 0 ? Float.MAX_VALUE : Math.nextDown(Float.intBitsToFloat(next));
                    return Math.min(top, absMax());
                }
            }
        }
        return absMax();
    }

    /**
     * @return how many values are above {@code x}, counting whole histogram bins: exact when x is the top of a bin
     *         (as {@link #absPercentile} returns) or at least {@link #max()}; otherwise the bin holding x counts as
     *         above when its bottom is above x
     */
    public long countAbove(double x) {
        if (!(x < max)) {
            return 0;
        }
        long n = 0;
        for (int o = 0; o < OCTAVES; o++) {
            for (int i = 0; i < SUB_BINS; i++) {
                if (at(o, i) > 0 && binFloor(o, i) > x) {
                    n += at(o, i);
                }
            }
        }
        return n;
    }

    /** @return how many values are below {@code x}; as {@link #countAbove}, mirrored */
    public long countBelow(double x) {
        if (!(x > min)) {
            return 0;
        }
        long n = 0;
        for (int o = 0; o < OCTAVES; o++) {
            for (int i = 0; i < SUB_BINS; i++) {
                if (at(o, i) > 0 && binCeiling(o, i) < x) {
                    n += at(o, i);
                }
            }
        }
        return n;
    }

    private long at(int octave, int i) {
        long[] b = bins[octave];
        return b == null ? 0 : b[i];
    }

    /** @return the smallest value a bin can hold */
    private static double binFloor(int octave, int i) {
        double edge = edge(octave % 256, i);
        return octave >= 256 ? -Math.nextDown((float) edge(octave % 256, i + 1)) : edge;
    }

    /** @return the largest value a bin can hold */
    private static double binCeiling(int octave, int i) {
        return octave >= 256 ? -edge(octave % 256, i) : Math.nextDown((float) edge(octave % 256, i + 1));
    }

    /** @return the smallest magnitude of bin i of an exponent */
    private static double edge(int exponent, int i) {
        int bits = (exponent * SUB_BINS + i) << SHIFT;
        return bits < 0 ? Double.POSITIVE_INFINITY : Float.intBitsToFloat(bits);
    }
}
