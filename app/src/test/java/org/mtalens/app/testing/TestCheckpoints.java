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
}
