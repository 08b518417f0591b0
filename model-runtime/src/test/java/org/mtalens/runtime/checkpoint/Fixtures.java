package org.mtalens.runtime.checkpoint;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** The official reference fixtures on the test class path. */
final class Fixtures {
    static final List<String> NAMES = List.of("tiny", "tiny-plain-gqa", "tiny-linear-heads");

    private Fixtures() {
    }

    static Path folder(String name) {
        URL url = Fixtures.class.getResource("/official-mta/" + name);
        if (url == null) {
            throw new IllegalStateException("fixture " + name + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
