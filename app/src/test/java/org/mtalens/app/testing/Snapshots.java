package org.mtalens.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes PNG snapshots of real windows under {@code target/snapshots/} for people to look at. */
public final class Snapshots {
    private Snapshots() {
    }

    /** Must run on the FX thread. @return the PNG written */
    public static Path write(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        Path dir = Path.of(System.getProperty("mtalens.test.outputDir", "target"), "snapshots");
        Path file = dir.resolve(name + ".png");
        try {
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
