package org.mtalens.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.RegularFiles;
import org.mtalens.runtime.ShownName;

/**
 * A bounded reader of the zip container PyTorch writes ({@code torch.save}). The central directory is
 * checked by {@link ZipDirectory}; each entry's local header must agree with it before its bytes are
 * used. Small entries are read through the channel and checked against their CRC-32; STORED storages
 * are views of a few shared mappings ({@link MappedWindows}), their CRC checked by
 * {@link StorageChecksums} while the weights are read anyway; DEFLATED entries are inflated into exactly
 * their declared, validated size and checked as they inflate. Inflating all entries together may not
 * exceed {@value #MAX_DEFLATE_RATIO} times the file.
 */
final class ZipArchive implements AutoCloseable {
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int LOCAL_HEADER = 30;
    private static final int CHUNK = 1 << 16;
    /**
     * Deflate can reach about 1032:1 on zeros, but weights compress by less than 2:1: a larger declared ratio
     * (beyond a small floor) is a zip bomb, refused before anything is allocated.
     */
    static final long MAX_DEFLATE_RATIO = 64;
    private static final long DEFLATE_RATIO_FLOOR = 1L << 20;

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final Map<String, ZipDirectory.Entry> entries;
    private final MappedFile mappedFile;
    private final MappedWindows windows;
    private final Map<String, Long> dataStarts = new HashMap<>();
    private long inflated;

    private ZipArchive(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.mappedFile = MappedFile.of(file);
        this.fileSize = channel.size();
        this.windows = new MappedWindows(channel, fileSize);
        this.entries = ZipDirectory.read(file, channel, fileSize);
    }

    /** Opens and indexes the archive; a file that is no (complete) zip is an {@link InvalidInputException}. */
    static ZipArchive open(Path file) {
        FileChannel channel = null;
        try {
            channel = RegularFiles.open(file);
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
    Map<String, ZipDirectory.Entry> entries() {
        return entries;
    }

    /** @return the file this archive was read from */
    Path file() {
        return file;
    }

    /** @return the file as it was when opened, at the first byte of a STORED entry's data (its mapped view) */
    MappedFile mappedFile(ZipDirectory.Entry entry) {
        try {
            return mappedFile.at(dataStart(entry));
        } catch (IOException e) {
            throw cannotRead(entry, e);
        }
    }

    /**
     * A small entry (a pickle, {@code byteorder}) read through the channel into the heap, CRC checked.
     * The caller has bounded {@code entry.size()}.
     */
    ByteBuffer readSmall(ZipDirectory.Entry entry) {
        try {
            long dataStart = dataStart(entry);
            if (entry.method() == 8) {
                return inflate(entry, dataStart);
            }
            requireStored(entry);
            ByteBuffer bytes = readFully(channel, file, dataStart, (int) entry.size());
            requireCrc(entry, bytes);
            return bytes;
        } catch (IOException e) {
            throw cannotRead(entry, e);
        }
    }

    /**
     * The bytes of a tensor storage: a read-only view of a shared mapping for a STORED entry (its CRC is
     * checked later, see {@link StorageChecksums}), an inflated, CRC-checked heap buffer for a DEFLATED one.
     */
    ByteBuffer storage(ZipDirectory.Entry entry) {
        try {
            long dataStart = dataStart(entry);
            if (entry.size() > Integer.MAX_VALUE) {
                throw invalid("entry '" + ShownName.of(entry.name()) + "' holds " + entry.size()
                        + " bytes; one tensor storage of more than 2 GiB is not supported");
            }
            if (entry.method() == 8) {
                return inflate(entry, dataStart);
            }
            requireStored(entry);
            return windows.slice(dataStart, entry.size());
        } catch (IOException e) {
            throw cannotRead(entry, e);
        }
    }

    private void requireStored(ZipDirectory.Entry entry) {
        if (entry.method() != 0) {
            throw invalid("entry '" + ShownName.of(entry.name()) + "' uses compression method " + entry.method()
                    + " (only stored and deflated entries are read)");
        }
        if (entry.size() != entry.compressedSize()) {
            throw invalid("entry '" + ShownName.of(entry.name()) + "' is stored but declares " + entry.size()
                    + " bytes and " + entry.compressedSize() + " stored bytes");
        }
    }

    /** Where the entry's bytes start, after checking its local header agrees with the central directory. */
    private long dataStart(ZipDirectory.Entry entry) throws IOException {
        Long known = dataStarts.get(entry.name());
        if (known != null) {
            return known;
        }
        ByteBuffer local = readFully(channel, file, entry.localHeaderOffset(), LOCAL_HEADER);
        if (local.getInt(0) != LOCAL_SIGNATURE) {
            throw invalid("entry '" + ShownName.of(entry.name()) + "' has no local header at offset "
                    + entry.localHeaderOffset());
        }
        int nameLength = local.getShort(26) & 0xFFFF;
        long dataStart = entry.localHeaderOffset() + LOCAL_HEADER + nameLength + (local.getShort(28) & 0xFFFF);
        requireLocalHeaderAgrees(entry, local, nameLength);
        if (entry.compressedSize() > fileSize - dataStart) {
            throw invalid("entry '" + ShownName.of(entry.name()) + "' declares " + entry.compressedSize()
                    + " bytes at offset " + dataStart + ", beyond the end of the " + fileSize + "-byte file (truncated?)");
        }
        dataStarts.put(entry.name(), dataStart);
        return dataStart;
    }

    /** Name, method, encryption and (when not deferred to a data descriptor) CRC and sizes must match. */
    private void requireLocalHeaderAgrees(ZipDirectory.Entry entry, ByteBuffer local, int nameLength) throws IOException {
        int flags = local.getShort(6) & 0xFFFF;
        if (((flags | entry.flags()) & 1) != 0) {
            throw invalid("entry '" + ShownName.of(entry.name()) + "' is encrypted");
        }
        String disagreement = null;
        if (nameLength != entry.nameLength() || !Arrays.equals(readFully(channel, file, entry.localHeaderOffset()
                + LOCAL_HEADER, nameLength).array(), entry.name().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            disagreement = "name";
        } else if ((local.getShort(8) & 0xFFFF) != entry.method()) {
            disagreement = "compression method";
        } else if ((flags & 8) == 0 && (local.getInt(14) & 0xFFFFFFFFL) != entry.crc()) {
            disagreement = "CRC-32";
        } else if ((flags & 8) == 0 && !sizeAgrees(local.getInt(18), entry.compressedSize())) {
            disagreement = "stored size";
        } else if ((flags & 8) == 0 && !sizeAgrees(local.getInt(22), entry.size())) {
            disagreement = "size";
        }
        if (disagreement != null) {
            throw invalid("the local header of entry '" + ShownName.of(entry.name()) + "' (at " + entry.localHeaderOffset()
                    + ") gives another " + disagreement + " than the central directory; the file is damaged or was altered");
        }
    }

    /** A local size field agrees when equal, or when it defers to a zip64 extra field (0xFFFFFFFF). */
    private static boolean sizeAgrees(int localField, long central) {
        long local = localField & 0xFFFFFFFFL;
        return local == central || local == 0xFFFFFFFFL;
    }

    private ByteBuffer inflate(ZipDirectory.Entry entry, long dataStart) throws IOException {
        if (entry.size() > Integer.MAX_VALUE - 8
                || entry.size() > Math.max(DEFLATE_RATIO_FLOOR, entry.compressedSize() * MAX_DEFLATE_RATIO)) {
            throw invalid("entry '" + ShownName.of(entry.name()) + "' declares " + entry.size() + " bytes from "
                    + entry.compressedSize() + " compressed bytes, more than " + MAX_DEFLATE_RATIO
                    + " times its size; refusing a likely zip bomb");
        }
        long budget = Math.max(DEFLATE_RATIO_FLOOR, fileSize * MAX_DEFLATE_RATIO);
        if (inflated + entry.size() > budget) {
            throw invalid("inflating entry '" + ShownName.of(entry.name()) + "' would bring the inflated entries to "
                    + (inflated + entry.size()) + " bytes, more than " + MAX_DEFLATE_RATIO + " times the file;"
                    + " refusing a likely zip bomb");
        }
        inflated += entry.size();
        ByteBuffer out = ByteBuffer.allocate((int) entry.size());
        Inflater inflater = new Inflater(true);
        try {
            ByteBuffer in = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, entry.compressedSize())));
            long read = 0;
            while (out.hasRemaining() && !inflater.finished()) {
                if (inflater.needsInput()) {
                    if (read == entry.compressedSize()) {
                        break;
                    }
                    in.clear().limit((int) Math.min(in.capacity(), entry.compressedSize() - read));
                    readInto(in, dataStart + read);
                    read += in.limit();
                    inflater.setInput(in.flip());
                }
                if (inflater.inflate(out) == 0 && inflater.needsDictionary()) {
                    break;
                }
            }
            if (out.hasRemaining()) {
                throw invalid("entry '" + ShownName.of(entry.name()) + "' inflates to fewer bytes than its declared "
                        + entry.size());
            }
            out.flip().order(ByteOrder.LITTLE_ENDIAN);
            requireCrc(entry, out);
            return out;
        } catch (DataFormatException e) {
            throw invalid("entry '" + ShownName.of(entry.name()) + "' is not valid deflate data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private void requireCrc(ZipDirectory.Entry entry, ByteBuffer bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes.duplicate());
        StorageChecksums.requireMatch(file, entry, crc.getValue());
    }

    /** Fills {@code buffer} (position 0) with the bytes at {@code position}. */
    private void readInto(ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw invalid("unexpected end of file at offset " + (position + buffer.position()) + " (truncated?)");
            }
        }
    }

    /** Reads exactly {@code length} bytes at {@code position} through the channel (never a mapping). */
    static ByteBuffer readFully(FileChannel channel, Path file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new InvalidInputException(file + ": unexpected end of file at offset "
                        + (position + buffer.position()) + " (truncated?)");
            }
        }
        return buffer.flip();
    }

    private InvalidInputException cannotRead(ZipDirectory.Entry entry, IOException e) {
        return new InvalidInputException(file + ": cannot read entry '" + ShownName.of(entry.name()) + "': "
                + e.getMessage(), e);
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
