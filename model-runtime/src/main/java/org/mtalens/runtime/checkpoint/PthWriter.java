package org.mtalens.runtime.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a state dict the way {@code torch.save({"model": state_dict}, file)} does: a zip of stored entries,
 * {@code ARCHIVE/data.pkl} (a protocol-2 pickle of {@code _rebuild_tensor_v2} calls with persistent storage ids),
 * {@code ARCHIVE/data/KEY} (each storage's little-endian bytes), {@code byteorder} and {@code version}. Tensors may
 * share a storage (a tied output). fp32 only. For benchmarks and tests that need an official-layout checkpoint
 * without PyTorch.
 */
public final class PthWriter {
    /** One tensor to save: its name, its shape (contiguous) and the storage holding it. */
    public record Entry(String name, long[] shape, String storage) {
    }

    /** Writes the values of one storage (fp32, little-endian) into {@code bytes}, whose length is 4 x elements. */
    @FunctionalInterface
    public interface StorageBytes {
        void fill(String storage, byte[] bytes);
    }

    private PthWriter() {
    }

    /**
     * @param file     the {@code .pth} to write; its archive folder is named after the file, as torch names it
     * @param entries  the tensors in state-dict order
     * @param storages each storage's element count, by key
     * @param values   fills each storage's bytes (called once per storage, in key order)
     */
    public static void write(Path file, List<Entry> entries, Map<String, Long> storages, StorageBytes values) throws IOException {
        String archive = archiveName(file);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            stored(zip, archive + "/data.pkl", pickle(entries, storages));
            stored(zip, archive + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, Long> storage : storages.entrySet()) {
                byte[] bytes = new byte[Math.toIntExact(storage.getValue() * Float.BYTES)];
                values.fill(storage.getKey(), bytes);
                stored(zip, archive + "/data/" + storage.getKey(), bytes);
            }
            stored(zip, archive + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** @return the archive folder torch.save names after the file (its name without the extension) */
    static String archiveName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** {@code {"model": OrderedDict(name -> _rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict()))}}. */
    static byte[] pickle(List<Entry> entries, Map<String, Long> storages) {
        Pickle p = new Pickle();
        p.op(0x80).op(2); // PROTO 2
        p.op('}'); // EMPTY_DICT
        p.string("model");
        p.orderedDict();
        p.op('(');
        for (Entry entry : entries) {
            p.string(entry.name());
            p.global("torch._utils", "_rebuild_tensor_v2");
            p.op('(');
            p.op('(').string("storage").global("torch", "FloatStorage").string(entry.storage()).string("cpu")
                    .integer(storages.get(entry.storage())).op('t');
            p.op('Q'); // BINPERSID
            p.integer(0);
            p.tuple(entry.shape());
            p.tuple(strides(entry.shape()));
            p.op(0x89); // NEWFALSE
            p.orderedDict();
            p.op('t').op('R');
        }
        p.op('u').op('s').op('.'); // SETITEMS, SETITEM, STOP
        return p.bytes();
    }

    private static long[] strides(long[] shape) {
        long[] stride = new long[shape.length];
        long step = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = step;
            step *= shape[i];
        }
        return stride;
    }

    /** The few pickle opcodes a state dict needs. */
    private static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle op(int code) {
            out.write(code);
            return this;
        }

        Pickle string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            op('X');
            int32(b.length);
            out.writeBytes(b);
            return this;
        }

        Pickle global(String module, String name) {
            op('c');
            out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Pickle orderedDict() {
            return global("collections", "OrderedDict").op(')').op('R');
        }

        Pickle integer(long v) {
            if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                op('J');
                return int32((int) v);
            }
            op(0x8a).op(8); // LONG1 of 8 bytes
            for (int i = 0; i < 8; i++) {
                out.write((int) (v >>> (8 * i)) & 0xFF);
            }
            return this;
        }

        Pickle tuple(long[] values) {
            op('(');
            for (long v : values) {
                integer(v);
            }
            return op('t');
        }

        Pickle int32(int v) {
            for (int i = 0; i < 4; i++) {
                out.write((v >>> (8 * i)) & 0xFF);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** @return entries and storages for a state dict of fp32 tensors by name, each in its own storage except {@code tied} */
    public static Map<String, Long> storagesOf(List<Entry> entries) {
        Map<String, Long> storages = new LinkedHashMap<>();
        for (Entry e : entries) {
            storages.merge(e.storage(), Tensor.elementCount(e.shape()), Math::max);
        }
        return storages;
    }

    /** @return one entry per tensor shape, storage keys "0", "1", ... in order; {@code shares} maps a name to the name whose storage it uses */
    public static List<Entry> entries(Map<String, long[]> shapes, Map<String, String> shares) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> shape : shapes.entrySet()) {
            String owner = shares.getOrDefault(shape.getKey(), shape.getKey());
            String key = keys.computeIfAbsent(owner, o -> Integer.toString(keys.size()));
            entries.add(new Entry(shape.getKey(), shape.getValue(), key));
        }
        return entries;
    }
}
