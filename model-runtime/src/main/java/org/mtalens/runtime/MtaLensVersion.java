package org.mtalens.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of MTA Lens, read from the build's {@code mta-lens-version.properties}. */
public final class MtaLensVersion {
    private MtaLensVersion() {
    }

    /** @return e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} when run from an unbuilt tree */
    public static String current() {
        try (InputStream in = MtaLensVersion.class.getResourceAsStream("/mta-lens-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
