package org.mtalens.runtime.libtorch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Unpacks a bundled libtorch from its jar into DJL's cache folder for it
 * ({@code <cache>/<version>-<flavour>-<classifier>}, the folder DJL itself would use, so either can reuse
 * the other's). All or nothing: the files go to a temporary folder that is renamed when complete.
 */
final class LibtorchExtraction {
    /** The file whose presence marks a complete folder (DJL checks the same one). */
    static final String MARKER = System.mapLibraryName("torch");

    private LibtorchExtraction() {
    }

    /** @return whether {@code libtorch} is unpacked under {@code cacheDir} already */
    static boolean present(BundledLibtorch libtorch, Path cacheDir) {
        return Files.isRegularFile(cacheDir.resolve(libtorch.cacheFolderName()).resolve(MARKER));
    }

    /**
     * @return the folder holding {@code libtorch}'s libraries, unpacked from {@code loader}'s class path if needed
     * @throws IOException when a library is missing from the class path or cannot be written (the cache is left as it was)
     */
    static Path ensure(BundledLibtorch libtorch, ClassLoader loader, Path cacheDir) throws IOException {
        Path folder = cacheDir.resolve(libtorch.cacheFolderName());
        if (present(libtorch, cacheDir)) {
            return folder;
        }
        Files.createDirectories(cacheDir);
        Path partial = Files.createTempDirectory(cacheDir, "unpacking-");
        try {
            for (String file : libtorch.libraries()) {
                copy(loader, libtorch.resourceFolder() + file, partial.resolve(file));
            }
            deleteTree(folder); // an incomplete folder left by an earlier attempt
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
            if (!present(libtorch, cacheDir)) {
                throw raced;
            } // another process unpacked it meanwhile
        } finally {
            deleteTree(partial);
        }
        return folder;
    }

    private static void copy(ClassLoader loader, String resource, Path target) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the class path");
            }
            Files.copy(in, target);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
