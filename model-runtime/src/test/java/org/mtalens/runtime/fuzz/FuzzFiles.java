package org.mtalens.runtime.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One scratch folder per test JVM where fuzz inputs are written as files (the readers take paths). */
final class FuzzFiles {
    private static Path folder;

    private FuzzFiles() {
    }

    /** Writes {@code bytes} to the scratch file {@code name}, replacing the previous input. */
    static synchronized Path write(String name, byte[] bytes) {
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("mtalens-fuzz");
                folder.toFile().deleteOnExit();
            }
            Path file = folder.resolve(name);
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
