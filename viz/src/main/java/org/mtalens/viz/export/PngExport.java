package org.mtalens.viz.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/** Writes any component (a node) to a PNG at a chosen scale; works headless. Call on the FX thread. */
public final class PngExport {
    private PngExport() {
    }

    /** @return the node drawn at {@code scale} (2 = twice the pixels across and down) */
    public static BufferedImage snapshot(Node node, double scale) {
        if (!(scale > 0) || scale > 16) {
            throw new IllegalArgumentException("PNG export scale must be in (0, 16], got " + scale);
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        WritableImage image = node.snapshot(params, null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** Writes the node drawn at {@code scale} to {@code file} (folders created). @return the file */
    public static Path write(Node node, double scale, Path file) throws IOException {
        BufferedImage image = snapshot(node, scale);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
        return file;
    }
}
