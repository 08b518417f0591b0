package org.mtalens.runtime.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a zip by hand so that an entry may lie about itself (a declared size its bytes do not have),
 * which {@link java.util.zip.ZipOutputStream} refuses to write. CRCs are zero; the runtime does not read them.
 */
public final class ZipBytes {
    /** STORED, as PyTorch writes every entry. */
    public static final int STORED = 0;
    /** DEFLATED, as a re-zipped checkpoint has. */
    public static final int DEFLATED = 8;

    private record Entry(String name, int method, long declaredSize, byte[] bytes) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a STORED entry holding {@code bytes}. */
    public ZipBytes stored(String name, byte[] bytes) {
        entries.add(new Entry(name, STORED, bytes.length, bytes));
        return this;
    }

    /** Adds an entry with these stored bytes, claiming {@code declaredSize} uncompressed bytes. */
    public ZipBytes entry(String name, int method, long declaredSize, byte[] bytes) {
        entries.add(new Entry(name, method, declaredSize, bytes));
        return this;
    }

    /** @return the archive: local headers and data, the central directory, the end record */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (Entry e : entries) {
            offsets.add(out.size());
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            write(out, le(30).putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) e.method())
                    .putInt(0).putInt(0).putInt(e.bytes().length).putInt((int) e.declaredSize())
                    .putShort((short) name.length).putShort((short) 0));
            out.writeBytes(name);
            out.writeBytes(e.bytes());
        }
        int directoryStart = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            write(out, le(46).putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                    .putShort((short) e.method()).putInt(0).putInt(0).putInt(e.bytes().length).putInt((int) e.declaredSize())
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offsets.get(i)));
            out.writeBytes(name);
        }
        int directorySize = out.size() - directoryStart;
        write(out, le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(directorySize).putInt(directoryStart).putShort((short) 0));
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void write(ByteArrayOutputStream out, ByteBuffer buffer) {
        out.writeBytes(buffer.array());
    }
}
