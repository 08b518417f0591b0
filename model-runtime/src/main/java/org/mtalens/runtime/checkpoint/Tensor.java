package org.mtalens.runtime.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.mtalens.runtime.InvalidInputException;

/**
 * One named tensor of a checkpoint, kept compact in its stored dtype (often a read-only view of a
 * memory-mapped file) and widened to fp32 only when asked.
 *
 * @param name  the state-dict key
 * @param shape dimensions, outermost first
 * @param dtype stored element type
 * @param data  exactly {@code elementCount() * dtype.bytes()} little-endian bytes, position 0
 * @param origin the file {@code data} is memory-mapped from, checked before every read; null for bytes in memory
 */
public record Tensor(String name, long[] shape, DType dtype, ByteBuffer data, MappedFile origin) {
    /** A tensor over bytes in memory (not a file mapping). */
    public Tensor(String name, long[] shape, DType dtype, ByteBuffer data) {
        this(name, shape, dtype, data, null);
    }

    public Tensor {
        shape = shape.clone();
        data = data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long count = elementCount(shape);
        if (count * dtype.bytes() != data.remaining()) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " of " + dtype
                    + " needs " + count * dtype.bytes() + " bytes, got " + data.remaining());
        }
    }

    /** @return the product of the dimensions (1 for a scalar) */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    /** @return the number of elements */
    public long elementCount() {
        return elementCount(shape);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /**
     * @return the values widened to fp32, row-major; a mapped tensor is read from its file, not its mapping
     *         (see {@link MappedFile})
     * @throws InvalidInputException naming the file when a mapped file was truncated or changed since it was opened
     */
    public float[] toFloatArray() {
        long count = elementCount();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(name + " has " + count + " elements, more than one Java array holds");
        }
        float[] out = new float[(int) count];
        readFloatsInto(java.nio.FloatBuffer.wrap(out));
        return out;
    }

    /** Receives consecutive values widened to fp32: {@code values[0..n)} are elements {@code start..start+n). */
    @FunctionalInterface
    public interface FloatChunks {
        void accept(long start, float[] values, int n);
    }

    /**
     * Widens the values to fp32 straight into {@code out} at indices 0..count-1 (e.g. a compute array's own
     * memory): no Java array of the whole tensor. A mapped tensor is read from its file, not its mapping.
     */
    public void readFloatsInto(java.nio.FloatBuffer out) {
        forEachChunk((start, values, n) -> out.put((int) start, values, 0, n));
    }

    /**
     * Walks the values widened to fp32 in chunks of at most a quarter million. A mapped tensor is read from its
     * file (a file truncated meanwhile is an {@link InvalidInputException}), so its mapping's pages are never
     * made resident: the process does not hold the checkpoint's bytes a second time.
     */
    public void forEachChunk(FloatChunks chunks) {
        long count = elementCount();
        float[] values = new float[(int) Math.min(count, 1 << 18)];
        if (origin == null || !origin.read(name, count * dtype.bytes(), (bytes, at) -> widen(bytes, at, values, chunks))) {
            ByteBuffer all = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            for (long at = 0; at < count * dtype.bytes(); at += (long) values.length * dtype.bytes()) {
                int length = (int) Math.min((long) values.length * dtype.bytes(), count * dtype.bytes() - at);
                widen(all.slice((int) at, length).order(ByteOrder.LITTLE_ENDIAN), at, values, chunks);
            }
        }
    }

    /** Widens little-endian {@code bytes}, which start {@code at} bytes into this tensor, handing them on in chunks. */
    private void widen(ByteBuffer bytes, long at, float[] values, FloatChunks chunks) {
        long first = at / dtype.bytes();
        int count = bytes.remaining() / dtype.bytes();
        for (int done = 0; done < count; done += values.length) {
            int n = Math.min(values.length, count - done);
            if (dtype == DType.F32) {
                bytes.asFloatBuffer().get(done, values, 0, n);
            } else {
                widen16(bytes.asShortBuffer(), done, values, n);
            }
            chunks.accept(first + done, values, n);
        }
    }

    /**
     * Runs a read of {@link #data()} (the mapping) for a mapped tensor after checking its file is
     * unchanged, with a fault raised during the read turned into an {@link InvalidInputException}.
     * In compiled code HotSpot may raise such a fault later, outside this method; reads that must be
     * safe against a file truncated meanwhile go through {@link #toFloatArray()}.
     */
    public <T> T readMapped(java.util.function.Supplier<T> read) {
        if (origin == null) {
            return read.get();
        }
        origin.requireUnchanged(name);
        try {
            return read.get();
        } catch (InternalError fault) {
            throw origin.unreadable(name, fault);
        }
    }

    /**
     * Widens {@code n} F16/BF16 values from index {@code from} of {@code bits} into {@code out[0..n)}: one bulk
     * read, then a tight loop (several times faster than per-element reads).
     */
    private void widen16(java.nio.ShortBuffer bits, int from, float[] out, int n) {
        short[] chunk = new short[n];
        bits.get(from, chunk, 0, n);
        if (dtype == DType.BF16) {
            for (int i = 0; i < n; i++) {
                out[i] = Float.intBitsToFloat((chunk[i] & 0xFFFF) << 16);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = DType.halfToFloat(chunk[i]);
            }
        }
    }

    /** @return true when both tensors have the same name, shape, dtype and bytes */
    public boolean sameAs(Tensor other) {
        return name.equals(other.name) && Arrays.equals(shape, other.shape) && dtype == other.dtype
                && data.equals(other.data);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && sameAs(t);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }
}
