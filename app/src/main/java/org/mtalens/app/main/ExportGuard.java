package org.mtalens.app.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Writes an export only where nothing would be lost: a new file, or an existing one the user agreed to replace. */
final class ExportGuard {
    /** What an export writes (atomically, by the runtime's writers). */
    @FunctionalInterface
    interface Writer {
        void write(Path file) throws IOException;
    }

    private final Predicate<Path> mayReplace;

    /** @param mayReplace asked only when the file exists; true means replace it */
    ExportGuard(Predicate<Path> mayReplace) {
        this.mayReplace = mayReplace;
    }

    /** @return true when written; false when the user kept the existing file */
    boolean write(Path file, Writer writer) throws IOException {
        if (!mayWrite(file)) {
            return false;
        }
        writer.write(file);
        return true;
    }

    /** @return whether writing {@code file} loses nothing: it is new, or the user agreed to replace it */
    boolean mayWrite(Path file) {
        return !Files.exists(file) || mayReplace.test(file);
    }
}
