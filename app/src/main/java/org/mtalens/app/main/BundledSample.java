package org.mtalens.app.main;

import java.nio.file.Path;
import java.util.Optional;
import org.mtalens.samples.SampleCheckpoints;

/** The sample checkpoint the app opens on first start: the bundled find-the-block MTA model. */
public final class BundledSample {
    /** System property naming another default checkpoint (used by tests and demos). */
    static final String PROPERTY = "mtalens.sample";

    private BundledSample() {
    }

    /** @return the sample to open when no checkpoint was named, if there is one */
    public static Optional<Path> path() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override));
        }
        return Optional.of(SampleCheckpoints.findBlockMta());
    }
}
