package org.mtalens.runtime.tokenizer;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a checkpoint's tokenizer file may be: the path params.json names (as written on the training
 * machine), a file of the same name in the checkpoint folder or the folder above it (the official
 * layout keeps params.json in {@code consolidated/}), or a file of the usual name there.
 */
final class TokenizerFiles {
    private final Path folder;

    TokenizerFiles(Path checkpointFolder) {
        Path folder = checkpointFolder == null ? null : checkpointFolder.toAbsolutePath().normalize();
        this.folder = folder != null && Files.isRegularFile(folder) ? folder.getParent() : folder;
    }

    /** Candidate files, most specific first; they may not exist. */
    List<Path> candidates(String namedPath, String usualName) {
        Set<Path> candidates = new LinkedHashSet<>();
        Optional<Path> named = asPath(namedPath);
        named.filter(Path::isAbsolute).ifPresent(candidates::add);
        for (Path dir : folders()) {
            named.filter(p -> !p.isAbsolute()).ifPresent(p -> candidates.add(dir.resolve(p).normalize()));
            named.map(Path::getFileName).ifPresent(name -> candidates.add(dir.resolve(name)));
            if (usualName != null) {
                candidates.add(dir.resolve(usualName));
            }
        }
        return List.copyOf(candidates);
    }

    /** The first candidate that is a readable file. */
    Optional<Path> find(String namedPath, String usualName) {
        return candidates(namedPath, usualName).stream().filter(Files::isRegularFile).findFirst();
    }

    /** A tokenizer.json in the checkpoint folder or the folder above it. */
    Optional<Path> tokenizerJsonBeside() {
        return find(null, Tokenizers.TOKENIZER_JSON);
    }

    /** The folders searched, for messages. */
    List<Path> folders() {
        if (folder == null) {
            return List.of();
        }
        return folder.getParent() == null ? List.of(folder) : List.of(folder, folder.getParent());
    }

    private static Optional<Path> asPath(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(path.strip()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
