package org.mtalens.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import org.mtalens.runtime.InvalidInputException;

/**
 * Where a tensor's bytes lie in the file it is memory-mapped from, and that file as it was when it was
 * opened. Reading a mapping past the end of a file truncated since then faults (SIGBUS; in compiled code
 * HotSpot raises the {@link InternalError} asynchronously, somewhere later), and a file rewritten in
 * place shows other bytes than were validated. So a tensor is widened by reading the file itself (a
 * short read is a clear message, never a fault) after checking that it is unchanged. A file deleted or
 * replaced by a new one is read through the mapping, which keeps the original, unlinked bytes alive.
 *
 * @param file     the file as opened
 * @param size     its size in bytes then
 * @param modified its modification time then
 * @param fileKey  its identity then (device and inode on Linux; may be null elsewhere)
 * @param offset   where the tensor's bytes start in the file (0 for the file as a whole)
 */
public record MappedFile(Path file, long size, FileTime modified, Object fileKey, long offset) {
    /** Bytes read per chunk when widening through the file (a multiple of every element size). */
    static final int CHUNK_BYTES = 1 << 20;

    public MappedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(modified, "modified");
    }

    /** One chunk of a tensor's bytes, little-endian, starting {@code at} bytes into the tensor. */
    @FunctionalInterface
    public interface Chunk {
        void accept(ByteBuffer bytes, long at);
    }

    /** Records the file as it is now (call it while the file is open, right before mapping it). */
    static MappedFile of(Path file) throws IOException {
        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
        return new MappedFile(file, now.size(), now.lastModifiedTime(), now.fileKey(), 0);
    }

    /** @return the same file, for a tensor whose bytes start at {@code offset} */
    MappedFile at(long offset) {
        return new MappedFile(file, size, modified, fileKey, offset);
    }

    /**
     * Throws when the file is shorter than when it was opened or was rewritten in place.
     *
     * @param tensor the tensor about to be read, named in the message
     * @return true when the path still holds the file as opened; false when it was deleted or replaced
     *         (the mapping then still reads the original bytes)
     */
    public boolean requireUnchanged(String tensor) {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot check the file before reading tensor '" + tensor + "': "
                    + e.getMessage(), e);
        }
        if (fileKey != null && !fileKey.equals(now.fileKey())) {
            return false;
        }
        if (now.size() < size) {
            throw truncated(tensor, now.size());
        }
        if (now.size() != size || !now.lastModifiedTime().equals(modified)) {
            throw new InvalidInputException(file + ": the file changed on disk after it was opened, so tensor '" + tensor
                    + "' may not hold the bytes that were checked; open the checkpoint again");
        }
        return true;
    }

    /**
     * Reads {@code length} bytes of the tensor from the file, in chunks; a file that ends early (truncated
     * meanwhile) is an {@link InvalidInputException}, never a fault.
     *
     * @return false when the file is gone or replaced, so the caller reads its mapping instead
     */
    boolean read(String tensor, long length, Chunk chunks) {
        tensor = org.mtalens.runtime.ShownName.of(tensor);
        if (!requireUnchanged(tensor)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, Math.max(length, 1)))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (long at = 0; at < length; at += buffer.limit()) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), length - at));
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + at + buffer.position()) < 0) {
                        throw new InvalidInputException(file + ": the file now ends at " + channel.size()
                                + " bytes, inside tensor '" + tensor + "'; it was truncated after it was opened;"
                                + " open the checkpoint again");
                    }
                }
                chunks.accept(buffer.flip(), at);
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read tensor '" + tensor + "': " + e.getMessage(), e);
        }
    }

    private InvalidInputException truncated(String tensor, long nowBytes) {
        return new InvalidInputException(file + ": the file was truncated from " + size + " to " + nowBytes
                + " bytes after it was opened, so tensor '" + tensor + "' cannot be read; open the checkpoint again");
    }

    /** The message for a fault while reading the mapping (the file shrank between the check and the read). */
    InvalidInputException unreadable(String tensor, InternalError fault) {
        return new InvalidInputException(file + ": tensor '" + tensor + "' could not be read: the file was truncated"
                + " or changed on disk after it was opened (" + fault.getMessage() + "); open the checkpoint again", fault);
    }
}
