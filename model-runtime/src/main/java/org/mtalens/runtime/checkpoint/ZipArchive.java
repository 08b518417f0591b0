package org.mtalens.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.mtalens.runtime.InvalidInputException;

/**
 * A bounded reader of the zip container PyTorch writes ({@code torch.save}): the central directory
 * (zip64 included) is parsed by hand so that every entry's byte range is known and checked against
 * the file size before anything is read. STORED entries (what PyTorch writes) are memory-mapped
 * views; DEFLATED entries (a re-zipped file) are inflated into exactly their declared, validated size.
 */
final class ZipArchive implements AutoCloseable {
    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int MAX_COMMENT = 0xFFFF;
    /**
     * Deflate can reach about 1032:1 on zeros, but weights compress by less than 2:1: a larger declared ratio
     * (beyond a small floor) is a zip bomb, refused before anything is allocated.
     */
    private static final long MAX_DEFLATE_RATIO = 64;
    private static final long DEFLATE_RATIO_FLOOR = 1L << 20;

    /** One entry: where its bytes are and how they are stored. */
    record Entry(String name, int method, long compressedSize, long size, long localHeaderOffset) {
    }

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final Map<String, Entry> entries;
    private final MappedFile mappedFile;

    private ZipArchive(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.mappedFile = MappedFile.of(file);
        this.fileSize = channel.size();
        this.entries = readCentralDirectory();
    }

    /** Opens and indexes the archive; a file that is no (complete) zip is an {@link InvalidInputException}. */
    static ZipArchive open(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file);
            return new ZipArchive(file, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** @return the entries by name, in directory order */
    Map<String, Entry> entries() {
        return entries;
    }

    /** @return the file this archive was read from */
    Path file() {
        return file;
    }

    /** @return the file as it was when opened, at the first byte of a STORED entry's data (its mapped view) */
    MappedFile mappedFile(Entry entry) {
        try {
            return mappedFile.at(dataStart(entry));
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read entry '" + entry.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * The bytes of one entry: a read-only memory-mapped view for STORED entries, an inflated heap
     * buffer for DEFLATED ones. Sizes are checked before any allocation.
     */
    ByteBuffer read(Entry entry) {
        try {
            long dataStart = dataStart(entry);
            if (entry.size() > Integer.MAX_VALUE) {
                throw invalid("entry '" + entry.name() + "' holds " + entry.size()
                        + " bytes; one tensor storage of more than 2 GiB is not supported");
            }
            if (entry.method() == 0) {
                if (entry.size() != entry.compressedSize()) {
                    throw invalid("entry '" + entry.name() + "' is stored but declares " + entry.size()
                            + " bytes and " + entry.compressedSize() + " stored bytes");
                }
                return channel.map(FileChannel.MapMode.READ_ONLY, dataStart, entry.size())
                        .order(ByteOrder.LITTLE_ENDIAN);
            }
            if (entry.method() == 8) {
                return inflate(entry, dataStart);
            }
            throw invalid("entry '" + entry.name() + "' uses compression method " + entry.method()
                    + " (only stored and deflated entries are read)");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read entry '" + entry.name() + "': " + e.getMessage(), e);
        }
    }

    private long dataStart(Entry entry) throws IOException {
        ByteBuffer local = readFully(entry.localHeaderOffset(), 30);
        if (local.getInt(0) != LOCAL_SIGNATURE) {
            throw invalid("entry '" + entry.name() + "' has no local header at offset " + entry.localHeaderOffset());
        }
        long dataStart = entry.localHeaderOffset() + 30 + (local.getShort(26) & 0xFFFF) + (local.getShort(28) & 0xFFFF);
        if (entry.compressedSize() > fileSize - dataStart) {
            throw invalid("entry '" + entry.name() + "' declares " + entry.compressedSize()
                    + " bytes at offset " + dataStart + ", beyond the end of the " + fileSize + "-byte file (truncated?)");
        }
        return dataStart;
    }

    private ByteBuffer inflate(Entry entry, long dataStart) throws IOException {
        if (entry.size() > Integer.MAX_VALUE - 8
                || entry.size() > Math.max(DEFLATE_RATIO_FLOOR, entry.compressedSize() * MAX_DEFLATE_RATIO)) {
            throw invalid("entry '" + entry.name() + "' declares " + entry.size() + " bytes from "
                    + entry.compressedSize() + " compressed bytes, more than " + MAX_DEFLATE_RATIO
                    + " times its size; refusing a likely zip bomb");
        }
        ByteBuffer compressed = channel.map(FileChannel.MapMode.READ_ONLY, dataStart, entry.compressedSize());
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            ByteBuffer out = ByteBuffer.allocate((int) entry.size());
            while (out.hasRemaining() && !inflater.finished()) {
                if (inflater.inflate(out) == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
            }
            if (out.hasRemaining()) {
                throw invalid("entry '" + entry.name() + "' inflates to fewer bytes than its declared " + entry.size());
            }
            return out.flip().order(ByteOrder.LITTLE_ENDIAN);
        } catch (DataFormatException e) {
            throw invalid("entry '" + entry.name() + "' is not valid deflate data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private Map<String, Entry> readCentralDirectory() throws IOException {
        long eocd = findEndOfCentralDirectory();
        ByteBuffer end = readFully(eocd, 22);
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
        if (count < 0 || count > cdSize / 46) {
            throw invalid("the zip central directory declares " + count + " entries in " + cdSize + " bytes");
        }
        return parseEntries(readFully(cdOffset, (int) cdSize), (int) count);
    }

    private long findEndOfCentralDirectory() throws IOException {
        int window = (int) Math.min(fileSize, 22 + MAX_COMMENT);
        if (fileSize < 22) {
            throw invalid("not a zip archive (" + fileSize + " bytes; truncated?)");
        }
        ByteBuffer tail = readFully(fileSize - window, window);
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
        ByteBuffer locator = readFully(eocd - 20, 20);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            throw invalid("zip64 archive without a zip64 locator (truncated?)");
        }
        long at = locator.getLong(8);
        if (at < 0 || at > fileSize - 56) {
            throw invalid("the zip64 end record offset " + at + " is outside the file");
        }
        ByteBuffer record = readFully(at, 56);
        if (record.getInt(0) != ZIP64_EOCD_SIGNATURE) {
            throw invalid("no zip64 end record at offset " + at);
        }
        return record;
    }

    private Map<String, Entry> parseEntries(ByteBuffer cd, int count) {
        Map<String, Entry> result = new LinkedHashMap<>();
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (at > cd.limit() - 46 || cd.getInt(at) != CENTRAL_SIGNATURE) {
                throw invalid("zip central directory entry " + i + " is damaged");
            }
            int nameLength = cd.getShort(at + 28) & 0xFFFF;
            int extraLength = cd.getShort(at + 30) & 0xFFFF;
            int commentLength = cd.getShort(at + 32) & 0xFFFF;
            int next = at + 46 + nameLength + extraLength + commentLength;
            if (next > cd.limit()) {
                throw invalid("zip central directory entry " + i + " runs past the directory");
            }
            String name = new String(bytes(cd, at + 46, nameLength), StandardCharsets.UTF_8);
            Entry entry = entry(cd, at, name, extraLength);
            result.put(name, entry);
            at = next;
        }
        return result;
    }

    private Entry entry(ByteBuffer cd, int at, String name, int extraLength) {
        long compressed = cd.getInt(at + 20) & 0xFFFFFFFFL;
        long size = cd.getInt(at + 24) & 0xFFFFFFFFL;
        long offset = cd.getInt(at + 42) & 0xFFFFFFFFL;
        int extra = at + 46 + (cd.getShort(at + 28) & 0xFFFF);
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
        if (size < 0 || compressed < 0 || offset < 0 || offset > fileSize - 30 || compressed > fileSize) {
            throw invalid("entry '" + name + "' declares sizes (" + compressed + " stored, " + size
                    + " bytes) or an offset (" + offset + ") beyond the " + fileSize + "-byte file (truncated?)");
        }
        return new Entry(name, cd.getShort(at + 10) & 0xFFFF, compressed, size, offset);
    }

    private ByteBuffer readFully(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw invalid("unexpected end of file at offset " + (position + buffer.position()) + " (truncated?)");
            }
        }
        return buffer.flip();
    }

    private static byte[] bytes(ByteBuffer buffer, int at, int length) {
        byte[] out = new byte[length];
        buffer.get(at, out);
        return out;
    }

    private InvalidInputException invalid(String problem) {
        return new InvalidInputException(file + ": " + problem);
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do: the file was only read
            }
        }
    }
}
