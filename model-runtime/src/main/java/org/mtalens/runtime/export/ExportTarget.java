package org.mtalens.runtime.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;

/**
 * Where an export goes, checked before any work is done, and its write, whose failures become messages
 * naming the file: a folder where the file should be, a file where a folder should be, a folder that cannot
 * be written, a full disk. Each is bad input (exit code 2), not an internal error; nothing partial is left
 * ({@link AtomicFiles}).
 */
public final class ExportTarget {
    private ExportTarget() {
    }

    /**
     * @return {@code file} as an absolute path
     * @throws InvalidInputException when it cannot be written as an export
     */
    public static Path check(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new InvalidInputException(file + ": is a folder; give the export a file name, e.g. "
                    + absolute.resolve("maps.npz"));
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute)) {
            throw new InvalidInputException(file + ": is not a regular file (a pipe, device or socket); an export only"
                    + " replaces regular files");
        }
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new InvalidInputException(file + ": cannot be written: " + existing + " is a file, not a folder");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new InvalidInputException(file + ": cannot be written: the folder " + existing + " is not writable");
        }
        return absolute;
    }

    /** Checks {@code file}, then writes it atomically; any failure is an {@link InvalidInputException} naming it. */
    public static void write(Path file, AtomicFiles.Content content) {
        Path absolute = check(file);
        try {
            AtomicFiles.write(absolute, content);
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    /** @return the message for a failed write of {@code file}, the reason in words */
    public static InvalidInputException failed(Path file, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = String.valueOf(e.getMessage());
        }
        return new InvalidInputException(file + ": cannot be written: " + ShownName.of(reason)
                + "; nothing was written, and an older file there is unchanged", e);
    }
}
