package org.mtalens.runtime.model;

/**
 * One intermediate array of a pass (e.g. {@code layer0/attn_output}), named as the reference fixtures name it,
 * with the batch axis of the one sequence dropped.
 *
 * @param name   e.g. {@code layer1/q} or {@code final_norm}
 * @param shape  its dimensions, e.g. [H, T, E]
 * @param floats its values, row-major
 */
public record Activation(String name, long[] shape, float[] floats) {
    public Activation {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
