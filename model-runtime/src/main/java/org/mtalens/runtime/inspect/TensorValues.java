package org.mtalens.runtime.inspect;

import org.mtalens.runtime.checkpoint.Tensor;

/** Walks a tensor's values widened to fp32 in small chunks, so huge tensors never become one big array. */
final class TensorValues {
    private static final int CHUNK = 1 << 16;

    /** Receives consecutive values: {@code values[0..n)} are elements {@code start..start+n). */
    interface ChunkConsumer {
        void accept(long start, float[] values, int n);
    }

    private TensorValues() {
    }

    /** Walks the values; a mapped tensor is read through its file, so a file truncated meanwhile is a message, not a fault. */
    static void forEachChunk(Tensor tensor, ChunkConsumer consumer) {
        int step = tensor.dtype().bytes();
        float[] values = new float[CHUNK];
        tensor.forEachChunk((bytes, at) -> {
            int count = bytes.remaining() / step;
            for (int done = 0; done < count; done += values.length) {
                int n = Math.min(values.length, count - done);
                int base = bytes.position() + done * step;
                for (int i = 0; i < n; i++) {
                    values[i] = tensor.dtype().read(bytes, base + i * step);
                }
                consumer.accept(at / step + done, values, n);
            }
        });
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
