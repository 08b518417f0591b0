package org.mtalens.runtime.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Counts NaN and infinite values of a tensor in its stored dtype, without widening it, chunk by chunk. */
final class NonFiniteScan {
    private final DType dtype;
    private long count;

    NonFiniteScan(DType dtype) {
        this.dtype = dtype;
    }

    /** Counts the whole elements of {@code bytes} (not consumed). */
    void add(ByteBuffer bytes) {
        ByteBuffer le = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case F32 -> {
                for (int at = le.position(); at + 4 <= le.limit(); at += 4) {
                    count += (le.getInt(at) & 0x7F800000) == 0x7F800000 ? 1 : 0;
                }
            }
            case BF16 -> count16(le, 0x7F80);
            case F16 -> count16(le, 0x7C00);
        }
    }

    private void count16(ByteBuffer le, int exponentMask) {
        for (int at = le.position(); at + 2 <= le.limit(); at += 2) {
            count += (le.getShort(at) & exponentMask) == exponentMask ? 1 : 0;
        }
    }

    /** @return NaN and infinities counted so far */
    long count() {
        return count;
    }
}
