package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding as lingua applies it: adjacent pairs (2i, 2i+1) of each head are rotated
 * by angle {@code position * theta^(-2i/head_dim)}.
 */
final class RotaryEmbedding {
    private final NDArray cos;
    private final NDArray sin;

    /** Tables for positions 0..tokens-1: cos and sin as [T, 1, head_dim/2]. */
    RotaryEmbedding(NDManager manager, int tokens, int headDim, double theta) {
        int half = headDim / 2;
        float[] cosTable = new float[tokens * half];
        float[] sinTable = new float[tokens * half];
        for (int i = 0; i < half; i++) {
            float frequency = (float) (1.0 / Math.pow(theta, (float) (2 * i) / headDim));
            for (int t = 0; t < tokens; t++) {
                float angle = (float) t * frequency;
                cosTable[t * half + i] = (float) Math.cos(angle);
                sinTable[t * half + i] = (float) Math.sin(angle);
            }
        }
        Shape shape = new Shape(tokens, 1, half);
        cos = manager.create(cosTable, shape);
        sin = manager.create(sinTable, shape);
    }

    /**
     * @param x [B, T, H, E] queries or keys of positions 0..T-1
     * @return [B, T, H, E] rotated
     */
    NDArray apply(NDArray x) {
        return apply(x, 0);
    }

    /**
     * @param x             [B, T', H, E] queries or keys of positions first..first+T'-1
     * @param firstPosition the position of row 0
     * @return [B, T', H, E] rotated
     */
    NDArray apply(NDArray x, int firstPosition) {
        Shape shape = x.getShape();
        long length = shape.get(1);
        boolean whole = firstPosition == 0 && length == cos.getShape().get(0);
        NDArray cos = whole ? this.cos : slice(this.cos, firstPosition, length, x); // [T', 1, E/2]
        NDArray sin = whole ? this.sin : slice(this.sin, firstPosition, length, x);
        NDArray pairs = x.reshape(shape.get(0), shape.get(1), shape.get(2), shape.get(3) / 2, 2); // [B, T, H, E/2, 2]
        NDArray even = pairs.get(":, :, :, :, 0"); // [B, T, H, E/2]
        NDArray odd = pairs.get(":, :, :, :, 1");
        NDArray rotatedEven = even.mul(cos).sub(odd.mul(sin));
        NDArray rotatedOdd = even.mul(sin).add(odd.mul(cos));
        return NDArrays.stack(new ai.djl.ndarray.NDList(rotatedEven, rotatedOdd), 4).reshape(shape); // [B, T, H, E]
    }

    /** Rows first..first+length-1 of a table, freed with {@code user}'s manager. */
    private static NDArray slice(NDArray table, int first, long length, NDArray user) {
        NDArray rows = table.get(first + ":" + (first + length));
        rows.attach(user.getManager());
        return rows;
    }
}
