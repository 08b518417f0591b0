package org.mtalens.runtime.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Narrows fp32 values to the compact checkpoint dtypes, rounding to nearest even (as PyTorch does). */
public final class TensorConversion {
    private TensorConversion() {
    }

    /** @return the tensor with the same name and shape stored as {@code dtype} */
    public static Tensor to(Tensor tensor, DType dtype) {
        float[] values = tensor.toFloatArray();
        ByteBuffer out = ByteBuffer.allocate(values.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            put(out, dtype, v);
        }
        return new Tensor(tensor.name(), tensor.shape(), dtype, out.flip());
    }

    /** Appends one value, narrowed to {@code dtype}, at the buffer's position. */
    public static void put(ByteBuffer out, DType dtype, float value) {
        switch (dtype) {
            case F32 -> out.putFloat(value);
            case BF16 -> out.putShort(toBFloat16(value));
            case F16 -> out.putShort(toHalf(value));
        }
    }

    /** fp32 to bfloat16, round to nearest even; NaN stays NaN. */
    public static short toBFloat16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    /** fp32 to IEEE binary16, round to nearest even, overflow to infinity, subnormals kept. */
    public static short toHalf(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;
        if (exponent == 0xFF) {
            return (short) (sign | 0x7C00 | (mantissa != 0 ? 0x200 : 0));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (halfExponent <= 0) {
            if (halfExponent < -10) {
                return (short) sign;
            }
            int full = mantissa | 0x800000;
            int shift = 14 - halfExponent;
            int half = full >>> shift;
            int remainder = full & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (remainder > halfway || (remainder == halfway && (half & 1) != 0)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (halfExponent << 10) | (mantissa >>> 13);
        int remainder = mantissa & 0x1FFF;
        if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) != 0)) {
            half++;
        }
        return (short) (sign | half);
    }
}
