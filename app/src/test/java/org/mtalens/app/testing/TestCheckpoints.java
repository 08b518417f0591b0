package org.mtalens.app.testing;

import java.nio.file.Path;

/** The official reference fixtures, read from the runtime module's test resources (same repository). */
public final class TestCheckpoints {
    private TestCheckpoints() {
    }

    /** @return the folder of fixture {@code name} (tiny, tiny-plain-gqa, tiny-linear-heads) */
    public static Path fixture(String name) {
        Path folder = Path.of("..", "model-runtime", "src", "test", "resources", "official-mta", name).toAbsolutePath().normalize();
        if (!folder.toFile().isDirectory()) {
            throw new IllegalStateException("fixture folder missing: " + folder);
        }
        return folder;
    }

    /** @return the token ids of a fixture's tokens.txt (the example the app runs when it opens it) */
    public static int[] exampleTokens(String name) {
        try {
            return java.util.Arrays.stream(java.nio.file.Files.readString(fixture(name).resolve("tokens.txt")).trim().split(","))
                    .mapToInt(t -> Integer.parseInt(t.trim())).toArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
