package org.mtalens.runtime.checkpoint;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;

/**
 * The CRC-32 check of the STORED zip entries a checkpoint uses, done while their bytes are read anyway:
 * the load-time scan of every tensor (for NaN and infinity) {@link #feed feeds} what it reads, and each
 * entry's CRC grows while its bytes come in order from its first byte. Whatever no tensor read in order
 * (a storage shared by several tensors, read out of order, or one the scan skips) is read at
 * {@link #finish()}. A mismatch is an {@link InvalidInputException}: the model would run on bytes the
 * file's writer did not write. Not thread-safe.
 */
final class StorageChecksums {
    /** One entry being checked: its bytes {@code [start, start + length)} in the file, and the CRC so far. */
    private static final class Check {
        final ZipDirectory.Entry entry;
        final MappedFile origin;
        final CRC32 crc = new CRC32();
        long checked;

        Check(ZipDirectory.Entry entry, MappedFile origin) {
            this.entry = entry;
            this.origin = origin;
        }

        long start() {
            return origin.offset();
        }
    }

    private final Path file;
    private final TreeMap<Long, Check> byStart = new TreeMap<>();

    private StorageChecksums(Path file) {
        this.file = file;
    }

    /** Nothing to check (safetensors have no checksums). */
    static StorageChecksums none() {
        return new StorageChecksums(null);
    }

    /** Checks for the entries of one zip file. */
    static StorageChecksums of(Path file) {
        return new StorageChecksums(file);
    }

    /** Adds a STORED entry whose bytes start at {@code origin.offset()}; an entry added twice is checked once. */
    void add(ZipDirectory.Entry entry, MappedFile origin) {
        byStart.putIfAbsent(origin.offset(), new Check(entry, origin));
    }

    /**
     * Bytes just read from the file: {@code bytes} (not consumed) lie at {@code origin.offset() + at}.
     * They count for an entry when they continue it exactly where its check stands.
     */
    void feed(MappedFile origin, long at, ByteBuffer bytes) {
        if (byStart.isEmpty() || origin == null || !origin.file().equals(file)) {
            return;
        }
        long position = origin.offset() + at;
        Map.Entry<Long, Check> found = byStart.floorEntry(position);
        if (found == null) {
            return;
        }
        Check check = found.getValue();
        long length = Math.min(bytes.remaining(), check.entry.size() - check.checked);
        if (position == check.start() + check.checked && length > 0) {
            check.crc.update(bytes.duplicate().limit(bytes.position() + (int) length));
            check.checked += length;
            if (check.checked == check.entry.size()) {
                requireMatch(file, check.entry, check.crc.getValue());
                byStart.remove(found.getKey());
            }
        }
    }

    /** Reads and checks whatever the scan did not feed; afterwards every added entry has been checked. */
    void finish() {
        for (Check check : byStart.values()) {
            long rest = check.entry.size() - check.checked;
            if (rest > 0 && !check.origin.at(check.start() + check.checked).read(check.entry.name(), rest,
                    (chunk, at) -> check.crc.update(chunk.duplicate()))) {
                throw new InvalidInputException(file + ": the file was deleted or replaced while its entries were"
                        + " checked; open the checkpoint again");
            }
            requireMatch(file, check.entry, check.crc.getValue());
        }
        byStart.clear();
    }

    /** @throws InvalidInputException when {@code actual} is not the entry's recorded CRC-32 */
    static void requireMatch(Path file, ZipDirectory.Entry entry, long actual) {
        if (actual != entry.crc()) {
            throw new InvalidInputException(file + ": entry '" + ShownName.of(entry.name()) + "' fails its CRC-32 check"
                    + String.format(" (the zip records %08x, its bytes give %08x)", entry.crc(), actual)
                    + "; the file is damaged or was altered");
        }
    }
}
