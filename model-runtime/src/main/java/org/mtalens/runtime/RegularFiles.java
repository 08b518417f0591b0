package org.mtalens.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens input files only when they are regular files. Opening a FIFO blocks until someone writes to it
 * (forever, for a path a user typed by mistake or a hostile folder holds), and a device such as
 * {@code /dev/zero} never ends; both are refused by what the path is, before it is opened.
 */
public final class RegularFiles {
    private static final int FILE_TYPE_BITS = 0170000;

    private RegularFiles() {
    }

    /** @throws InvalidInputException naming the file when it is missing or not a regular file (links are followed) */
    public static void require(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidInputException(file + ": " + kind(file, attributes) + ", not a regular file; refusing to open it");
        }
    }

    /** Opens a regular file for reading. */
    public static FileChannel open(Path file) throws IOException {
        require(file);
        return FileChannel.open(file);
    }

    /** Opens a regular file as a stream. */
    public static InputStream newInputStream(Path file) throws IOException {
        return Channels.newInputStream(open(file));
    }

    /** @return what a non-regular file is, in words */
    private static String kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "is a folder";
        }
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & FILE_TYPE_BITS;
            return switch (type) {
                case 0010000 -> "is a FIFO (named pipe)";
                case 0020000 -> "is a character device";
                case 0060000 -> "is a block device";
                case 0140000 -> "is a socket";
                default -> "is a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "is a special file (a pipe, device or socket)";
        }
    }
}
