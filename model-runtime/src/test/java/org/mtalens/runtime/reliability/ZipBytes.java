package org.mtalens.runtime.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip by hand so that an entry may lie about itself (a declared size its bytes do not have, a
 * wrong CRC, a local header that disagrees with the central directory, directory entries sharing one
 * entry's bytes), which {@link java.util.zip.ZipOutputStream} refuses to write. CRCs are right unless
 * told otherwise; local headers carry CRC and sizes (no data descriptor).
 */
public final class ZipBytes {
    /** STORED, as PyTorch writes every entry. */
    public static final int STORED = 0;
    /** DEFLATED, as a re-zipped checkpoint has. */
    public static final int DEFLATED = 8;

    /** One entry; {@code aliasOf} >= 0: only a directory record, pointing at that entry's local header. */
    private static final class Entry {
        final String name;
        final int method;
        final long declaredSize;
        final byte[] bytes;
        long crc;
        String localName;
        long localCrc;
        int aliasOf = -1;

        Entry(String name, int method, long declaredSize, byte[] bytes, long crc) {
            this.name = name;
            this.method = method;
            this.declaredSize = declaredSize;
            this.bytes = bytes;
            this.crc = crc;
            this.localName = name;
            this.localCrc = crc;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private boolean zip64;

    /** Adds a STORED entry holding {@code bytes}. */
    public ZipBytes stored(String name, byte[] bytes) {
        entries.add(new Entry(name, STORED, bytes.length, bytes, crc(bytes)));
        return this;
    }

    /** Adds a DEFLATED entry whose inflated bytes are {@code plain}. */
    public ZipBytes deflated(String name, byte[] plain) {
        entries.add(new Entry(name, DEFLATED, plain.length, deflate(plain), crc(plain)));
        return this;
    }

    /**
     * Adds a DEFLATED entry whose inflated bytes are {@code plain}, its first {@code uncompressedPrefix} bytes
     * kept as they are (deflate's stored blocks), the rest compressed: a stream of a chosen ratio.
     */
    public ZipBytes deflatedWithStoredPrefix(String name, byte[] plain, int uncompressedPrefix) {
        Deflater deflater = new Deflater(Deflater.NO_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        deflater.setInput(plain, 0, uncompressedPrefix);
        for (int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH); n > 0;
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) {
            out.write(buffer, 0, n);
        }
        deflater.setLevel(Deflater.BEST_COMPRESSION); // takes effect on the next call, applied to no input
        deflater.setInput(new byte[0]);
        out.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH));
        deflater.setInput(plain, uncompressedPrefix, plain.length - uncompressedPrefix);
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        entries.add(new Entry(name, DEFLATED, plain.length, out.toByteArray(), crc(plain)));
        return this;
    }

    /** Adds an entry with these stored bytes, claiming {@code declaredSize} uncompressed bytes (CRC 0). */
    public ZipBytes entry(String name, int method, long declaredSize, byte[] bytes) {
        entries.add(new Entry(name, method, declaredSize, bytes, 0));
        return this;
    }

    /** The last entry records this CRC-32 (in both headers) instead of its bytes' own. */
    public ZipBytes recordingCrc(long crc) {
        last().crc = crc;
        last().localCrc = crc;
        return this;
    }

    /** The last entry's local header names it {@code name}; the central directory keeps its own name. */
    public ZipBytes localName(String name) {
        last().localName = name;
        return this;
    }

    /** The last entry's local header records this CRC-32; the central directory keeps the right one. */
    public ZipBytes localCrc(long crc) {
        last().localCrc = crc;
        return this;
    }

    /** Adds {@code count} directory records {@code prefix0, prefix1, ...} that all point at the last entry's bytes. */
    public ZipBytes sharing(String prefix, int count) {
        Entry target = last();
        int index = entries.size() - 1;
        for (int i = 0; i < count; i++) {
            Entry alias = new Entry(prefix + i, target.method, target.declaredSize, target.bytes, target.crc);
            alias.aliasOf = index;
            entries.add(alias);
        }
        return this;
    }

    /** Ends the archive with zip64 end records (as PyTorch does for large files). */
    public ZipBytes zip64() {
        zip64 = true;
        return this;
    }

    /** @return the archive: local headers and data, the central directory, the end record(s) */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (Entry e : entries) {
            if (e.aliasOf >= 0) {
                offsets.add(offsets.get(e.aliasOf));
                continue;
            }
            offsets.add(out.size());
            byte[] name = e.localName.getBytes(StandardCharsets.UTF_8);
            write(out, le(30).putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) e.method)
                    .putInt(0).putInt((int) e.localCrc).putInt(e.bytes.length).putInt((int) e.declaredSize)
                    .putShort((short) name.length).putShort((short) 0));
            out.writeBytes(name);
            out.writeBytes(e.bytes);
        }
        int directoryStart = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            write(out, le(46).putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                    .putShort((short) e.method).putInt(0).putInt((int) e.crc).putInt(e.bytes.length).putInt((int) e.declaredSize)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offsets.get(i)));
            out.writeBytes(name);
        }
        int directorySize = out.size() - directoryStart;
        if (zip64) {
            int zip64End = out.size();
            write(out, le(56).putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(entries.size()).putLong(entries.size()).putLong(directorySize).putLong(directoryStart));
            write(out, le(20).putInt(0x07064b50).putInt(0).putLong(zip64End).putInt(1));
        }
        short count = zip64 ? (short) 0xFFFF : (short) entries.size();
        write(out, le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort(count).putShort(count)
                .putInt(zip64 ? -1 : directorySize).putInt(zip64 ? -1 : directoryStart).putShort((short) 0));
        return out.toByteArray();
    }

    private Entry last() {
        return entries.get(entries.size() - 1);
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(plain);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void write(ByteArrayOutputStream out, ByteBuffer buffer) {
        out.writeBytes(buffer.array());
    }
}
