package org.mtalens.runtime.doctor;

import ai.djl.util.Utils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What DJL's cache folder ({@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}) holds: each entry two levels down, with its size. */
final class DjlCache {
    private DjlCache() {
    }

    /** @return {@code path} and {@code entries} (e.g. {@code pytorch/2.5.1-20241113-cpu-linux-x86_64} with its bytes) */
    static Map<String, Object> describe() {
        return describe(Utils.getCacheDir());
    }

    static Map<String, Object> describe(Path root) {
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("path", root.toString());
        if (!Files.isDirectory(root)) {
            cache.put("entries", List.of());
            return cache;
        }
        try (Stream<Path> entries = Files.walk(root, 2)) {
            cache.put("entries", entries.filter(p -> root.relativize(p).getNameCount() == 2).sorted()
                    .map(p -> entry(root, p)).toList());
        } catch (IOException | UncheckedIOException e) {
            cache.put("entries", List.of());
            cache.put("problem", "cannot list: " + e.getMessage());
        }
        return cache;
    }

    private static Map<String, Object> entry(Path root, Path entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", root.relativize(entry).toString());
        m.put("bytes", bytes(entry));
        return m;
    }

    private static long bytes(Path entry) {
        try (Stream<Path> files = Files.walk(entry)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
