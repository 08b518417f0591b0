package org.mtalens.runtime.export;

import java.util.Arrays;

/**
 * One array of an {@code .npz} file: float32 values or int64 values (the two kinds MTA Lens writes
 * and the fixtures hold), with its shape.
 *
 * @param name   the entry name without {@code .npy}, e.g. {@code layer1/post_sm_conv}
 * @param shape  dimensions, outermost first
 * @param floats the values for a float array (float64 is narrowed), else null
 * @param longs  the values for an integer array, else null
 */
public record NpyArray(String name, long[] shape, float[] floats, long[] longs) {
    public NpyArray {
        shape = shape.clone();
        if ((floats == null) == (longs == null)) {
            throw new IllegalArgumentException(name + ": exactly one of floats and longs");
        }
        long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        long length = floats != null ? floats.length : longs.length;
        if (count != length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + count
                    + " values, got " + length);
        }
    }

    /** A float32 array. */
    public static NpyArray ofFloats(String name, float[] values, long... shape) {
        return new NpyArray(name, shape, values, null);
    }

    /** An int64 array. */
    public static NpyArray ofLongs(String name, long[] values, long... shape) {
        return new NpyArray(name, shape, null, values);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return true for an int64 array */
    public boolean isInteger() {
        return longs != null;
    }
}
