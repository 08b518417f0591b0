package org.mtalens.runtime.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.export.NpyArray;
import org.mtalens.runtime.parity.ReferenceFixture;

/** The official reference fixtures, copied into the test resources (see official-mta/PROVENANCE.md). */
public final class Fixtures {
    /** Every fixture folder name. */
    public static final List<String> NAMES = List.of("tiny", "tiny-plain-gqa", "tiny-linear-heads");

    private Fixtures() {
    }

    /** @return the folder holding every fixture folder */
    public static Path root() {
        return folder("tiny").getParent();
    }

    /** @return the folder of fixture {@code name} */
    public static Path folder(String name) {
        URL url = Fixtures.class.getResource("/official-mta/" + name + "/config.json");
        if (url == null) {
            throw new IllegalStateException("fixture " + name + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the reference outputs ({@code maps.npz}) by name */
    public static Map<String, NpyArray> reference(String name) {
        return fixture(name).reference();
    }

    /** @return the input token ids of the reference run */
    public static int[] tokens(String name) {
        return fixture(name).tokens();
    }

    private static ReferenceFixture fixture(String name) {
        return new ReferenceFixture(name, folder(name));
    }
}
