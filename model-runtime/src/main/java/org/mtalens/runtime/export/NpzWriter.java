package org.mtalens.runtime.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an npz entry by entry, and a float entry piece by piece, so an export never holds more than the
 * piece it is writing (a [H, T, T] stage at T=2048 is 268 MB; the logits of every position at vocab 128,256
 * are a gigabyte). Entries over 4 GB are written as zip64, which numpy reads.
 */
public final class NpzWriter implements AutoCloseable {
    private final ZipOutputStream zip;

    /** @param out where the npz goes (closed with the writer) */
    public NpzWriter(OutputStream out) {
        zip = new ZipOutputStream(out);
        zip.setLevel(1);
    }

    /** One whole array. */
    public void write(NpyArray array) throws IOException {
        Npz.writeEntry(zip, array);
    }

    /** A plain file entry (e.g. {@code meta.json}) beside the arrays. */
    public void writeFile(String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Hands out the values of a float entry in order, piece by piece. */
    @FunctionalInterface
    public interface FloatPieces {
        /** Writes every piece, in row-major order, through {@code out}. */
        void writeTo(PieceOut out) throws IOException;
    }

    /** Receives the pieces of one float entry. */
    @FunctionalInterface
    public interface PieceOut {
        void write(float[] values, int from, int count) throws IOException;
    }

    /**
     * A float entry of {@code shape} whose values {@code pieces} write in order; the count written must be the
     * shape's product.
     */
    public void writeFloats(String name, long[] shape, FloatPieces pieces) throws IOException {
        long expected = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        zip.write(Npz.header(shape, false));
        long[] written = {0};
        ByteBuffer bytes = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        pieces.writeTo((values, from, count) -> {
            for (int done = 0; done < count; ) {
                int n = Math.min(count - done, bytes.capacity() / Float.BYTES);
                bytes.clear();
                bytes.asFloatBuffer().put(values, from + done, n);
                zip.write(bytes.array(), 0, n * Float.BYTES);
                done += n;
            }
            written[0] += count;
        });
        if (written[0] != expected) {
            throw new IllegalStateException(name + ": wrote " + written[0] + " values for shape " + Arrays.toString(shape));
        }
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.finish();
        zip.flush();
    }
}
