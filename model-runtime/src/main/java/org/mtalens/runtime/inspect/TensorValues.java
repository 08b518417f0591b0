package org.mtalens.runtime.inspect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.mtalens.runtime.checkpoint.DType;
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

    /** Walks the values; a mapped tensor's file is checked first, so a truncated file is a message, not a fault. */
    static void forEachChunk(Tensor tensor, ChunkConsumer consumer) {
        tensor.readMapped(() -> {
            walk(tensor, consumer);
            return null;
        });
    }

    private static void walk(Tensor tensor, ChunkConsumer consumer) {
        ByteBuffer data = tensor.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long count = tensor.elementCount();
        float[] values = new float[(int) Math.min(CHUNK, Math.max(count, 1))];
        int step = tensor.dtype().bytes();
        for (long start = 0; start < count; start += values.length) {
            int n = (int) Math.min(values.length, count - start);
            if (tensor.dtype() == DType.F32) {
                data.position((int) (start * 4));
                data.asFloatBuffer().get(values, 0, n);
            } else {
                int base = (int) (start * step);
                for (int i = 0; i < n; i++) {
                    values[i] = tensor.dtype().read(data, base + i * step);
                }
            }
            consumer.accept(start, values, n);
        }
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
