package org.mtalens.runtime.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes pickle opcodes by hand, to build hostile and minimal torch checkpoints in tests (also the reliability corpus). */
public final class PickleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public PickleBytes proto(int version) {
        return raw(0x80, version);
    }

    public PickleBytes global(String module, String name) {
        raw('c');
        return text(module + "\n" + name + "\n");
    }

    public PickleBytes stackGlobal(String module, String name) {
        return unicode(module).unicode(name).raw(0x93);
    }

    public PickleBytes unicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return raw('X').int32(b.length).bytes(b);
    }

    /** A BINUNICODE opcode that claims {@code length} bytes but carries none. */
    public PickleBytes unicodeClaiming(long length) {
        return raw('X').int32((int) length);
    }

    public PickleBytes integer(long v) {
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return raw('J').int32((int) v);
        }
        byte[] le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
        return raw(0x8a, 8).bytes(le);
    }

    public PickleBytes mark() {
        return raw('(');
    }

    public PickleBytes tuple() {
        return raw('t');
    }

    public PickleBytes emptyTuple() {
        return raw(')');
    }

    public PickleBytes emptyDict() {
        return raw('}');
    }

    public PickleBytes setItem() {
        return raw('s');
    }

    public PickleBytes reduce() {
        return raw('R');
    }

    public PickleBytes binPersId() {
        return raw('Q');
    }

    public PickleBytes newFalse() {
        return raw(0x89);
    }

    public PickleBytes stop() {
        return raw('.');
    }

    /** Pushes torch's persistent id tuple ('storage', torch.TYPE, key, 'cpu', numel) and loads it. */
    public PickleBytes storage(String type, String key, long numel) {
        return mark().unicode("storage").global("torch", type).unicode(key).unicode("cpu").integer(numel).tuple()
                .binPersId();
    }

    /** Pushes a tensor {@code _rebuild_tensor_v2(storage, offset, shape, stride, False, OrderedDict())}. */
    public PickleBytes tensor(String type, String key, long numel, long offset, long[] shape, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        storage(type, key, numel).integer(offset);
        mark();
        for (long d : shape) {
            integer(d);
        }
        tuple().mark();
        for (long s : stride) {
            integer(s);
        }
        tuple().newFalse().global("collections", "OrderedDict").emptyTuple().reduce().tuple();
        return reduce();
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    /** Appends raw opcode bytes. */
    public PickleBytes raw(int... opcodes) {
        for (int b : opcodes) {
            out.write(b);
        }
        return this;
    }

    private PickleBytes int32(int v) {
        return bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    /** Appends UTF-8 text without a length prefix (for line-based opcodes). */
    public PickleBytes text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private PickleBytes bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** Writes a zip with STORED entries, in the given order. */
    public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    public static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }
}
