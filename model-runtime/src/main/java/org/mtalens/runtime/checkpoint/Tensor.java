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
     * memory): no Java array of the whole tensor. A mapped tensor is read from its file, not its mapping, so the
     * mapping's pages never become resident: the process does not hold the checkpoint's bytes a second time.
     */
    public void readFloatsInto(java.nio.FloatBuffer out) {
        forEachFloatChunk((start, values, n) -> out.put((int) start, values, 0, n));
    }

    /** Walks the values widened to fp32, a chunk at a time (read as {@link #forEachChunk} reads the bytes). */
    public void forEachFloatChunk(FloatChunks chunks) {
        float[] values = new float[(int) Math.min(Math.max(elementCount(), 1), 1 << 18)];
        forEachChunk((bytes, at) -> {
            int count = bytes.remaining() / dtype.bytes();
            for (int done = 0; done < count; done += values.length) {
                int n = Math.min(values.length, count - done);
                ByteBuffer part = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                part.position(bytes.position() + done * dtype.bytes());
                widen(part.slice().order(ByteOrder.LITTLE_ENDIAN).limit(n * dtype.bytes()), values, 0);
                chunks.accept(at / dtype.bytes() + done, values, n);
            }
        });
    }

    /**
     * Hands the tensor's stored bytes to {@code chunks} in order, in pieces of whole elements. A mapped tensor
     * is read from its file after checking it is unchanged (a file truncated meanwhile is a message, never a
     * fault: reading the mapping there would raise SIGBUS, which HotSpot reports asynchronously); a deleted or
     * replaced file, and bytes in memory, are read from {@link #data()}.
     *
     * @throws InvalidInputException naming the file when a mapped file was truncated or changed since it was opened
     */
    public void forEachChunk(MappedFile.Chunk chunks) {
        long length = elementCount() * dtype.bytes();
        if (origin != null && origin.read(name, length, chunks)) {
            return;
        }
        ByteBuffer all = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < length; at += MappedFile.CHUNK_BYTES) {
            int end = (int) Math.min(length, (long) at + MappedFile.CHUNK_BYTES);
            chunks.accept(all.duplicate().position(at).limit(end).slice().order(ByteOrder.LITTLE_ENDIAN), at);
        }
    }

    /** Widens little-endian {@code bytes}, which start {@code at} bytes into this tensor, into {@code out}. */
    private void widen(ByteBuffer bytes, float[] out, long at) {
        int first = (int) (at / dtype.bytes());
        int n = bytes.remaining() / dtype.bytes();
        if (dtype == DType.F32) {
            bytes.asFloatBuffer().get(out, first, n);
        } else {
            widen16(bytes.asShortBuffer(), out, first, n);
        }
    }

    /** Widens F16/BF16 in chunks: bulk reads, then a tight loop (several times faster than per-element reads). */
    private void widen16(java.nio.ShortBuffer bits, float[] out, int first, int count) {
        short[] chunk = new short[Math.min(Math.max(count, 1), 1 << 14)];
        for (int done = 0; done < count; done += chunk.length) {
            int n = Math.min(chunk.length, count - done);
            bits.get(chunk, 0, n);
            int start = first + done;
            if (dtype == DType.BF16) {
                for (int i = 0; i < n; i++) {
                    out[start + i] = Float.intBitsToFloat((chunk[i] & 0xFFFF) << 16);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[start + i] = DType.halfToFloat(chunk[i]);
                }
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
