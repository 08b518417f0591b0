package org.mtalens.viz.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.scene.Node;
import org.mtalens.viz.export.PngExport;

/** Writes PNG snapshots of components under {@code target/snapshots/} for people to look at. */
public final class Snapshots {
    private Snapshots() {
    }

    /** Must run on the FX thread. @return the PNG written */
    public static Path write(Node node, String name) {
        Path file = Path.of(System.getProperty("mtalens.test.outputDir", "target"), "snapshots", name + ".png");
        try {
            return PngExport.write(node, 1, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
