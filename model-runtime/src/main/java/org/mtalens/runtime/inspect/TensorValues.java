package org.mtalens.runtime.inspect;

import org.mtalens.runtime.checkpoint.Tensor;

/** Walks a tensor's values widened to fp32 in chunks, so huge tensors never become one big array. */
final class TensorValues {
    private TensorValues() {
    }

    /** Walks the values (from the file, not its mapping; a truncated file is a message, not a fault). */
    static void forEachChunk(Tensor tensor, Tensor.FloatChunks consumer) {
        tensor.forEachFloatChunk(consumer);
    }

    /** @return sqrt(sum of squares) of the values, accumulated in double */
    static double l2Norm(Tensor tensor) {
        double[] sum = {0};
        forEachChunk(tensor, (start, v, n) -> {
            for (int i = 0; i < n; i++) {
                sum[0] += (double) v[i] * v[i];
            }
        });
        return Math.sqrt(sum[0]);
    }
}
