package org.mtalens.runtime.parity;

import java.util.Arrays;

/**
 * How far one array of MTA Lens's run lies from the official one.
 *
 * @param name       the reference name, e.g. {@code layer1/pre_sm_conv} ([H, T, T]) or {@code logits} ([T, V])
 * @param shape      the reference shape
 * @param maxAbsDiff the largest absolute difference (infinite where a value is NaN on one side only)
 * @param at         where it is, one index per axis of {@code shape} (empty when nothing was compared)
 * @param actual     MTA Lens's value there
 * @param expected   the official value there
 * @param problem    why the array could not be compared (null when it was)
 */
public record ArrayParity(String name, long[] shape, double maxAbsDiff, long[] at, double actual, double expected,
                          String problem) {
    /** Compares {@code actual} with {@code expected} (same length, flat, row-major in {@code shape}). */
    static ArrayParity compare(String name, long[] shape, float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            return missing(name, shape, "MTA Lens produced " + actual.length + " values, the reference has " + expected.length);
        }
        double worst = -1;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs((double) actual[i] - expected[i]);
            if (Double.isNaN(diff) && !(Float.isNaN(actual[i]) && Float.isNaN(expected[i]))) {
                diff = Double.POSITIVE_INFINITY;
            }
            if (diff > worst) {
                worst = diff;
                worstAt = i;
            }
        }
        if (worstAt < 0) {
            return new ArrayParity(name, shape, 0, new long[0], 0, 0, null);
        }
        return new ArrayParity(name, shape, worst, unravel(worstAt, shape), actual[worstAt], expected[worstAt], null);
    }

    static ArrayParity missing(String name, long[] shape, String problem) {
        return new ArrayParity(name, shape, Double.POSITIVE_INFINITY, new long[0], Double.NaN, Double.NaN, problem);
    }

    /** @return whether the array was compared and lies within {@code tolerance} */
    public boolean within(double tolerance) {
        return problem == null && maxAbsDiff <= tolerance;
    }

    /** @return e.g. {@code layer1/pre_sm_conv differs by 0.5 at [0, 3, 2] (got 1.2, expected 0.7)} */
    public String describe() {
        if (problem != null) {
            return name + ": " + problem;
        }
        return String.format("%s differs by %.3g at %s (got %s, expected %s)", name, maxAbsDiff, Arrays.toString(at),
                (float) actual, (float) expected);
    }

    private static long[] unravel(long flat, long[] shape) {
        long[] index = new long[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = flat % shape[axis];
            flat /= shape[axis];
        }
        return index;
    }
}
