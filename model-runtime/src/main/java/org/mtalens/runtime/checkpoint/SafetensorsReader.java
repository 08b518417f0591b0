package org.mtalens.runtime.checkpoint;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.RegularFiles;
import org.mtalens.runtime.ShownName;

/**
 * Reads {@code .safetensors} files without DJL (whose decoder aborts the JVM on BF16): an 8-byte
 * little-endian header length, a JSON header, then the raw data. Every declared length, offset and
 * shape is checked against the file before anything is mapped, as the reference (Rust) reader does:
 * each name once (Jackson would keep the last of two silently), offsets whole numbers, and the tensors
 * packed, tiling the data section without gap or overlap. Tensors are read-only views of a few shared
 * memory maps ({@link MappedWindows}, so files beyond 2 GiB work); nothing is copied.
 */
public final class SafetensorsReader {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final long MAX_HEADER_BYTES = 100L << 20;

    /** One header entry, checked: where its bytes lie in the data section. */
    private record Entry(String name, DType dtype, long[] shape, long begin, long end) {
    }

    private SafetensorsReader() {
    }

    /** @return the header's {@code __metadata__} (text to text; values that are not text are left out), empty for none */
    public static Map<String, String> metadata(Path file) {
        try (FileChannel channel = RegularFiles.open(file)) {
            JsonNode meta = parsedHeader(file, new String(header(file, channel).array(), StandardCharsets.UTF_8))
                    .path("__metadata__");
            Map<String, String> metadata = new LinkedHashMap<>();
            meta.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual()) {
                    metadata.put(f.getKey(), f.getValue().asText());
                }
            });
            return metadata;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** @return the bytes of the JSON header, its length checked against the file */
    private static ByteBuffer header(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new InvalidInputException(file + ": too short for a safetensors file (" + size + " bytes)");
        }
        long headerLength = readLong(channel);
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
            throw new InvalidInputException(file + ": header length " + Long.toUnsignedString(headerLength)
                    + " does not fit a file of " + size + " bytes (truncated, or not a safetensors file)");
        }
        ByteBuffer header = ByteBuffer.allocate((int) headerLength);
        while (header.hasRemaining() && channel.read(header, 8 + header.position()) >= 0) {
            // read the whole header
        }
        return header;
    }

    /** @return every tensor in the file, by name, in header order */
    public static Map<String, Tensor> read(Path file) {
        try (FileChannel channel = RegularFiles.open(file)) {
            long size = channel.size();
            ByteBuffer header = header(file, channel);
            long dataStart = 8L + header.capacity();
            List<Entry> entries = entries(file, new String(header.array(), StandardCharsets.UTF_8), size - dataStart);
            requirePacked(file, entries, size - dataStart);
            MappedFile origin = MappedFile.of(file);
            MappedWindows windows = new MappedWindows(channel, size);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry e : entries) {
                ByteBuffer bytes = windows.slice(dataStart + e.begin(), e.end() - e.begin());
                tensors.put(e.name(), new Tensor(e.name(), e.shape(), e.dtype(), bytes, origin.at(dataStart + e.begin())));
            }
            return tensors;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static long readLong(FileChannel channel) throws IOException {
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (lengthBytes.hasRemaining() && channel.read(lengthBytes, lengthBytes.position()) >= 0) {
            // 8 bytes, the file is known to be long enough
        }
        return lengthBytes.getLong(0);
    }

    private static List<Entry> entries(Path file, String headerJson, long dataBytes) {
        JsonNode header = parsedHeader(file, headerJson);
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("__metadata__")) {
                entries.add(entry(file, field.getKey(), field.getValue(), dataBytes));
            }
        }
        return entries;
    }

    private static JsonNode parsedHeader(Path file, String headerJson) {
        JsonNode header;
        try {
            header = JSON.readTree(headerJson);
        } catch (JsonParseException e) {
            if (e.getOriginalMessage().startsWith("Duplicate field")) {
                throw new InvalidInputException(file + ": the safetensors header names a tensor twice ("
                        + ShownName.of(e.getOriginalMessage()) + "); each tensor may be named once");
            }
            throw new InvalidInputException(file + ": the safetensors header is not JSON");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": the safetensors header is not JSON");
        }
        if (header == null || !header.isObject()) {
            throw new InvalidInputException(file + ": the safetensors header is not a JSON object");
        }
        return header;
    }

    private static Entry entry(Path file, String name, JsonNode info, long dataBytes) {
        String where = file + ": tensor '" + ShownName.of(name) + "'";
        if (!info.isObject()) {
            throw new InvalidInputException(where + ": header entry is not an object");
        }
        DType dtype = dtype(where, info.path("dtype").asText());
        long[] shape = shape(where, info.path("shape"));
        JsonNode offsets = info.path("data_offsets");
        if (!offsets.isArray() || offsets.size() != 2 || !isWholeNumber(offsets.get(0)) || !isWholeNumber(offsets.get(1))) {
            throw new InvalidInputException(where + ": data_offsets must be [begin, end], two whole numbers of bytes, not "
                    + ShownName.of(offsets));
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (begin < 0 || end < begin || end > dataBytes) {
            throw new InvalidInputException(where + " has data offsets [" + begin + ", " + end
                    + "] outside the " + dataBytes + " data bytes");
        }
        long needed = byteSize(where, shape, dtype);
        if (needed != end - begin) {
            throw new InvalidInputException(where + ": shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + needed + " bytes but its data offsets span " + (end - begin));
        }
        if (needed > Integer.MAX_VALUE) {
            throw new InvalidInputException(where + ": " + needed + " bytes; one tensor of more than 2 GiB is not supported");
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static DType dtype(String where, String text) {
        return switch (text) {
            case "F32" -> DType.F32;
            case "F16" -> DType.F16;
            case "BF16" -> DType.BF16;
            default -> throw new InvalidInputException(where + " has unsupported dtype '" + ShownName.of(text)
                    + "' (F32, F16 and BF16 are supported)");
        };
    }

    private static long[] shape(String where, JsonNode node) {
        if (!node.isArray()) {
            throw new InvalidInputException(where + ": shape must be a list of dimensions");
        }
        long[] shape = new long[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = node.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToLong() || d.asLong() < 0) {
                throw new InvalidInputException(where + ": shape dimension " + ShownName.of(d) + " is not a non-negative integer");
            }
            shape[i] = d.asLong();
        }
        return shape;
    }

    private static long byteSize(String where, long[] shape, DType dtype) {
        try {
            return Math.multiplyExact(Tensor.elementCount(shape), dtype.bytes());
        } catch (ArithmeticException e) {
            throw new InvalidInputException(where + ": shape " + Arrays.toString(shape) + " overflows 64-bit sizes");
        }
    }

    /** A whole number in the JSON text: {@code 8}, not {@code 8.0} or {@code 8.5} (which Jackson would convert). */
    private static boolean isWholeNumber(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong();
    }

    /** The tensors, by begin, tile the data section: no overlap, no gap, nothing after the last one. */
    private static void requirePacked(Path file, List<Entry> entries, long dataBytes) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        Entry previous = null;
        for (Entry next : sorted) {
            if (next.begin() < expected) {
                throw new InvalidInputException(file + ": tensors '" + ShownName.of(previous.name()) + "' and '"
                        + ShownName.of(next.name()) + "' have overlapping data offsets ([" + previous.begin() + ", "
                        + previous.end() + "] and [" + next.begin() + ", " + next.end() + "])");
            }
            if (next.begin() > expected) {
                throw new InvalidInputException(file + ": tensor '" + ShownName.of(next.name()) + "' starts at data byte "
                        + next.begin() + " but " + (previous == null ? "the data section starts" : "tensor '"
                        + ShownName.of(previous.name()) + "' ends") + " at " + expected
                        + "; safetensors data is packed without gaps");
            }
            expected = next.end();
            previous = next;
        }
        if (expected != dataBytes) {
            throw new InvalidInputException(file + ": the tensors' data ends at byte " + expected + " of the "
                    + dataBytes + "-byte data section; safetensors data is packed without gaps or trailing bytes");
        }
    }
}
