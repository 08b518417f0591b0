package org.mtalens.runtime.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes {@code .safetensors} files (header padded to 8 bytes, tensors in the given order), either
 * from tensors in memory or streamed one tensor at a time so a large file never sits in memory.
 */
public final class SafetensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK_BYTES = 8 << 20;

    /** A tensor to write: its name, element type and shape. */
    public record Declared(String name, DType dtype, long[] shape) {
        /** @return the bytes it takes */
        public long byteSize() {
            return Tensor.elementCount(shape) * dtype.bytes();
        }
    }

    private SafetensorsWriter() {
    }

    /** Writes these tensors as they are (dtype, shape and bytes kept). */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        List<Declared> declared = tensors.values().stream()
                .map(t -> new Declared(t.name(), t.dtype(), t.shape())).toList();
        write(file, declared, (d, out) -> out.put(tensors.get(d.name()).data().duplicate()));
    }

    /**
     * Streams tensors to a file: {@code fill} is called once per tensor and chunk with a little-endian
     * buffer to fill completely (at most 8 MiB, a whole number of elements).
     */
    public static void write(Path file, List<Declared> tensors, BiConsumer<Declared, ByteBuffer> fill) throws IOException {
        write(file, tensors, Map.of(), fill);
    }

    /** As {@link #write(Path, List, BiConsumer)}, with {@code metadata} as the header's {@code __metadata__} (text to text). */
    public static void write(Path file, List<Declared> tensors, Map<String, String> metadata,
                             BiConsumer<Declared, ByteBuffer> fill) throws IOException {
        byte[] header = header(tensors, metadata);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer prefix = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
            prefix.putLong(header.length).put(header).flip();
            writeFully(out, prefix);
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (Declared d : tensors) {
                long left = d.byteSize();
                while (left > 0) {
                    int n = (int) Math.min(left, CHUNK_BYTES - CHUNK_BYTES % d.dtype().bytes());
                    chunk.clear().limit(n);
                    fill.accept(d, chunk);
                    if (chunk.hasRemaining()) {
                        throw new IllegalStateException("tensor '" + d.name() + "': the chunk was not filled");
                    }
                    writeFully(out, chunk.flip());
                    left -= n;
                }
            }
        }
    }

    private static byte[] header(List<Declared> tensors, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Declared d : tensors) {
            ObjectNode entry = root.putObject(d.name());
            entry.put("dtype", d.dtype().name());
            var shape = entry.putArray("shape");
            for (long dim : d.shape()) {
                shape.add(dim);
            }
            entry.putArray("data_offsets").add(offset).add(offset + d.byteSize());
            offset += d.byteSize();
        }
        StringBuilder text = new StringBuilder(root.toString());
        while ((8 + text.length()) % 8 != 0) {
            text.append(' ');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
