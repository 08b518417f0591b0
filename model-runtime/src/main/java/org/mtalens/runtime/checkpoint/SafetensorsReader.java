package org.mtalens.runtime.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mtalens.runtime.InvalidInputException;

/**
 * Reads {@code .safetensors} files without DJL (whose decoder aborts the JVM on BF16): an 8-byte
 * little-endian header length, a JSON header, then the raw data. Tensors are read-only views of a
 * memory map; nothing is copied.
 */
public final class SafetensorsReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER_BYTES = 100L << 20;

    private SafetensorsReader() {
    }

    /** @return every tensor in the file, by name, in header order */
    public static Map<String, Tensor> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new InvalidInputException(file + ": too short for a safetensors file (" + size + " bytes)");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(lengthBytes, 0);
            long headerLength = lengthBytes.getLong(0);
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw new InvalidInputException(file + ": header length " + headerLength
                        + " does not fit a file of " + size + " bytes");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            channel.read(header, 8);
            long dataStart = 8 + headerLength;
            MappedByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, dataStart, size - dataStart);
            return tensors(file, new String(header.array(), StandardCharsets.UTF_8), data);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Map<String, Tensor> tensors(Path file, String headerJson, ByteBuffer data) throws IOException {
        JsonNode header;
        try {
            header = JSON.readTree(headerJson);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": the safetensors header is not JSON");
        }
        if (header == null || !header.isObject()) {
            throw new InvalidInputException(file + ": the safetensors header is not a JSON object");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().equals("__metadata__")) {
                tensors.put(entry.getKey(), tensor(file, entry.getKey(), entry.getValue(), data));
            }
        }
        return tensors;
    }

    private static Tensor tensor(Path file, String name, JsonNode info, ByteBuffer data) {
        DType dtype = switch (info.path("dtype").asText()) {
            case "F32" -> DType.F32;
            case "F16" -> DType.F16;
            case "BF16" -> DType.BF16;
            default -> throw new InvalidInputException(file + ": tensor '" + name + "' has unsupported dtype '"
                    + info.path("dtype").asText() + "' (F32, F16 and BF16 are supported)");
        };
        JsonNode shapeNode = info.path("shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        long begin = info.path("data_offsets").path(0).asLong(-1);
        long end = info.path("data_offsets").path(1).asLong(-1);
        if (begin < 0 || end < begin || end > data.capacity()) {
            throw new InvalidInputException(file + ": tensor '" + name + "' has data offsets [" + begin + ", " + end
                    + "] outside the " + data.capacity() + " data bytes");
        }
        ByteBuffer slice = data.duplicate().position((int) begin).limit((int) end).slice();
        try {
            return new Tensor(name, shape, dtype, slice);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidInputException(file + ": tensor '" + name + "': " + e.getMessage());
        }
    }
}
