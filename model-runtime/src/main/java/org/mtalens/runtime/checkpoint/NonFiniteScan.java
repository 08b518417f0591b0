package org.mtalens.runtime.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

/** Counts NaN and infinite values of a tensor in its stored dtype, without widening it. */
final class NonFiniteScan {
    private static final int CHUNK = 1 << 14;

    private NonFiniteScan() {
    }

    /** @return how many elements are NaN or +-infinity */
    static long count(Tensor tensor) {
        return tensor.readMapped(() -> {
            ByteBuffer data = tensor.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
            return switch (tensor.dtype()) {
                case F32 -> count32(data.asIntBuffer());
                case BF16 -> count16(data.asShortBuffer(), 0x7F80);
                case F16 -> count16(data.asShortBuffer(), 0x7C00);
            };
        });
    }

    private static long count32(IntBuffer bits) {
        int[] chunk = new int[CHUNK];
        long count = 0;
        while (bits.hasRemaining()) {
            int n = Math.min(CHUNK, bits.remaining());
            bits.get(chunk, 0, n);
            for (int i = 0; i < n; i++) {
                if ((chunk[i] & 0x7F800000) == 0x7F800000) {
                    count++;
                }
            }
        }
        return count;
    }

    private static long count16(ShortBuffer bits, int exponentMask) {
        short[] chunk = new short[CHUNK];
        long count = 0;
        while (bits.hasRemaining()) {
            int n = Math.min(CHUNK, bits.remaining());
            bits.get(chunk, 0, n);
            for (int i = 0; i < n; i++) {
                if ((chunk[i] & exponentMask) == exponentMask) {
                    count++;
                }
            }
        }
        return count;
    }
}
