package org.mtalens.runtime.checkpoint;

import java.nio.ByteBuffer;

/** Element types a checkpoint tensor may have. Every one is widened to fp32 for compute. */
public enum DType {
    F32(4), F16(2), BF16(2);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** @return bytes per element */
    public int bytes() {
        return bytes;
    }

    /** Reads the element at byte offset {@code at} of a little-endian buffer, widened to fp32. */
    public float read(ByteBuffer littleEndian, int at) {
        return switch (this) {
            case F32 -> littleEndian.getFloat(at);
            case F16 -> halfToFloat(littleEndian.getShort(at));
            case BF16 -> Float.intBitsToFloat((littleEndian.getShort(at) & 0xFFFF) << 16);
        };
    }

    /** IEEE 754 binary16 to binary32 (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
