package org.mtalens.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;

/**
 * The central directory of a zip (zip64 included), parsed by hand and checked before any entry is read:
 * at most {@value #MAX_ENTRIES} entries, each name once, every entry's bytes inside the file and its own
 * (no two entries share or overlap bytes, none overlaps the directory). Sharing let a small file list
 * tens of thousands of entries over one stored or deflated entry and multiply what reading it costs.
 */
final class ZipDirectory {
    /** A checkpoint holds one entry per storage plus a few; an 830M model has a few hundred. */
    static final int MAX_ENTRIES = 1 << 16;
    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int CENTRAL_HEADER = 46;
    private static final int LOCAL_HEADER = 30;
    private static final int MAX_COMMENT = 0xFFFF;

    /**
     * One entry as the central directory lists it.
     *
     * @param nameLength the name's length in bytes, as stored
     * @param flags      the general-purpose bit flags (bit 0: encrypted, bit 3: sizes in a data descriptor)
     * @param crc        the CRC-32 of the uncompressed bytes
     */
    record Entry(String name, int nameLength, int flags, int method, long crc, long compressedSize, long size,
                 long localHeaderOffset) {
        /** @return where the entry's local header, name and bytes end at the least */
        long minimumEnd() {
            return localHeaderOffset + LOCAL_HEADER + nameLength + compressedSize;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;

    private ZipDirectory(Path file, FileChannel channel, long fileSize) {
        this.file = file;
        this.channel = channel;
        this.fileSize = fileSize;
    }

    /** @return the entries by name, in directory order, checked as the class comment says */
    static Map<String, Entry> read(Path file, FileChannel channel, long fileSize) throws IOException {
        return new ZipDirectory(file, channel, fileSize).entries();
    }

    private Map<String, Entry> entries() throws IOException {
        long eocd = findEndOfCentralDirectory();
        ByteBuffer end = ZipArchive.readFully(channel, file, eocd, 22);
        long count = end.getShort(10) & 0xFFFF;
        long cdSize = end.getInt(12) & 0xFFFFFFFFL;
        long cdOffset = end.getInt(16) & 0xFFFFFFFFL;
        if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            ByteBuffer zip64 = readZip64End(eocd);
            count = zip64.getLong(32);
            cdSize = zip64.getLong(40);
            cdOffset = zip64.getLong(48);
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset > fileSize || cdSize > fileSize - cdOffset || cdSize > Integer.MAX_VALUE) {
            throw invalid("the zip central directory (" + cdSize + " bytes at " + cdOffset
                    + ") lies outside the " + fileSize + "-byte file (truncated?)");
        }
        if (count < 0 || count > cdSize / CENTRAL_HEADER) {
            throw invalid("the zip central directory declares " + count + " entries in " + cdSize + " bytes");
        }
        if (count > MAX_ENTRIES) {
            throw invalid("the zip lists " + count + " entries; a checkpoint has at most " + MAX_ENTRIES);
        }
        Map<String, Entry> entries = parse(ZipArchive.readFully(channel, file, cdOffset, (int) cdSize), (int) count);
        requireOwnBytes(entries.values(), cdOffset);
        return entries;
    }

    private long findEndOfCentralDirectory() throws IOException {
        if (fileSize < 22) {
            throw invalid("not a zip archive (" + fileSize + " bytes; truncated?)");
        }
        int window = (int) Math.min(fileSize, 22 + MAX_COMMENT);
        ByteBuffer tail = ZipArchive.readFully(channel, file, fileSize - window, window);
        for (int at = window - 22; at >= 0; at--) {
            if (tail.getInt(at) == EOCD_SIGNATURE) {
                return fileSize - window + at;
            }
        }
        throw invalid("not a complete zip archive: no end-of-central-directory record (truncated?)");
    }

    private ByteBuffer readZip64End(long eocd) throws IOException {
        if (eocd < 20) {
            throw invalid("zip64 archive without a zip64 locator (truncated?)");
        }
        ByteBuffer locator = ZipArchive.readFully(channel, file, eocd - 20, 20);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            throw invalid("zip64 archive without a zip64 locator (truncated?)");
        }
        long at = locator.getLong(8);
        if (at < 0 || at > fileSize - 56) {
            throw invalid("the zip64 end record offset " + at + " is outside the file");
        }
        ByteBuffer record = ZipArchive.readFully(channel, file, at, 56);
        if (record.getInt(0) != ZIP64_EOCD_SIGNATURE) {
            throw invalid("no zip64 end record at offset " + at);
        }
        return record;
    }

    private Map<String, Entry> parse(ByteBuffer cd, int count) {
        Map<String, Entry> result = new LinkedHashMap<>();
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (at > cd.limit() - CENTRAL_HEADER || cd.getInt(at) != CENTRAL_SIGNATURE) {
                throw invalid("zip central directory entry " + i + " is damaged");
            }
            int nameLength = cd.getShort(at + 28) & 0xFFFF;
            int extraLength = cd.getShort(at + 30) & 0xFFFF;
            int commentLength = cd.getShort(at + 32) & 0xFFFF;
            int next = at + CENTRAL_HEADER + nameLength + extraLength + commentLength;
            if (next > cd.limit()) {
                throw invalid("zip central directory entry " + i + " runs past the directory");
            }
            byte[] nameBytes = new byte[nameLength];
            cd.get(at + CENTRAL_HEADER, nameBytes);
            String name = new String(nameBytes, StandardCharsets.UTF_8);
            if (result.put(name, entry(cd, at, name, extraLength)) != null) {
                throw invalid("the zip lists entry '" + ShownName.of(name) + "' twice; which one a reader takes is"
                        + " anyone's guess, so the file is refused");
            }
            at = next;
        }
        return result;
    }

    private Entry entry(ByteBuffer cd, int at, String name, int extraLength) {
        long compressed = cd.getInt(at + 20) & 0xFFFFFFFFL;
        long size = cd.getInt(at + 24) & 0xFFFFFFFFL;
        long offset = cd.getInt(at + 42) & 0xFFFFFFFFL;
        int nameLength = cd.getShort(at + 28) & 0xFFFF;
        int extra = at + CENTRAL_HEADER + nameLength;
        int extraEnd = extra + extraLength;
        while (extra + 4 <= extraEnd) {
            int id = cd.getShort(extra) & 0xFFFF;
            int length = cd.getShort(extra + 2) & 0xFFFF;
            int field = extra + 4;
            if (id == 0x0001) {
                if (size == 0xFFFFFFFFL && field + 8 <= extraEnd) {
                    size = cd.getLong(field);
                    field += 8;
                }
                if (compressed == 0xFFFFFFFFL && field + 8 <= extraEnd) {
                    compressed = cd.getLong(field);
                    field += 8;
                }
                if (offset == 0xFFFFFFFFL && field + 8 <= extraEnd) {
                    offset = cd.getLong(field);
                }
            }
            extra += 4 + length;
        }
        if (size < 0 || compressed < 0 || offset < 0 || offset > fileSize - LOCAL_HEADER || compressed > fileSize) {
            throw invalid("entry '" + ShownName.of(name) + "' declares sizes (" + compressed + " stored, " + size
                    + " bytes) or an offset (" + offset + ") beyond the " + fileSize + "-byte file (truncated?)");
        }
        return new Entry(name, nameLength, cd.getShort(at + 8) & 0xFFFF, cd.getShort(at + 10) & 0xFFFF,
                cd.getInt(at + 16) & 0xFFFFFFFFL, compressed, size, offset);
    }

    /** Every entry's local header, name and bytes lie before the next entry's and before the directory. */
    private void requireOwnBytes(Iterable<Entry> entries, long cdOffset) {
        List<Entry> byOffset = new ArrayList<>();
        entries.forEach(byOffset::add);
        byOffset.sort(Comparator.comparingLong(Entry::localHeaderOffset));
        for (int i = 0; i < byOffset.size(); i++) {
            Entry entry = byOffset.get(i);
            long nextStart = i + 1 < byOffset.size() ? byOffset.get(i + 1).localHeaderOffset() : cdOffset;
            if (entry.minimumEnd() > nextStart) {
                String other = i + 1 < byOffset.size()
                        ? "entry '" + ShownName.of(byOffset.get(i + 1).name()) + "' (at " + nextStart + ")"
                        : "the central directory (at " + cdOffset + ")";
                throw invalid("zip entry '" + ShownName.of(entry.name()) + "' (at " + entry.localHeaderOffset() + ", "
                        + entry.compressedSize() + " bytes) overlaps " + other
                        + "; every entry of a checkpoint has bytes of its own");
            }
        }
    }

    private InvalidInputException invalid(String problem) {
        return new InvalidInputException(file + ": " + problem);
    }
}
