package org.mtalens.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import org.mtalens.runtime.InvalidInputException;

/**
 * The file a tensor's bytes are memory-mapped from, as it was when it was opened. Reading a mapping
 * past the end of a file truncated since then faults (SIGBUS, which the JVM turns into an
 * {@link InternalError}), and a file rewritten in place shows other bytes than were validated. So
 * before its bytes are read, a mapped tensor checks that its file is unchanged; a file deleted or
 * replaced by a new one is fine (the mapping keeps the original, unlinked bytes alive).
 *
 * @param file     the file as opened
 * @param size     its size in bytes then
 * @param modified its modification time then
 * @param fileKey  its identity then (device and inode on Linux; may be null elsewhere)
 */
public record MappedFile(Path file, long size, FileTime modified, Object fileKey) {
    public MappedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(modified, "modified");
    }

    /** Records the file as it is now (call it while the file is open, right before mapping it). */
    static MappedFile of(Path file) throws IOException {
        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
        return new MappedFile(file, now.size(), now.lastModifiedTime(), now.fileKey());
    }

    /**
     * Throws when the file the mapping reads is shorter than when it was opened, or was rewritten in place.
     *
     * @param tensor the tensor about to be read, named in the message
     */
    public void requireUnchanged(String tensor) {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return; // deleted: the mapping still holds the original bytes
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot check the file before reading tensor '" + tensor + "': "
                    + e.getMessage(), e);
        }
        if (fileKey != null && !fileKey.equals(now.fileKey())) {
            return; // replaced by a new file: the mapping still reads the original one
        }
        if (now.size() < size) {
            throw new InvalidInputException(file + ": the file was truncated from " + size + " to " + now.size()
                    + " bytes after it was opened, so tensor '" + tensor + "' cannot be read; open the checkpoint again");
        }
        if (now.size() != size || !now.lastModifiedTime().equals(modified)) {
            throw new InvalidInputException(file + ": the file changed on disk after it was opened, so tensor '" + tensor
                    + "' may not hold the bytes that were checked; open the checkpoint again");
        }
    }

    /** The message for a fault while reading the mapping (the file shrank between the check and the read). */
    InvalidInputException unreadable(String tensor, InternalError fault) {
        return new InvalidInputException(file + ": tensor '" + tensor + "' could not be read: the file was truncated"
                + " or changed on disk after it was opened (" + fault.getMessage() + "); open the checkpoint again", fault);
    }
}
