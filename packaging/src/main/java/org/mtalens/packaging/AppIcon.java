package org.mtalens.packaging;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * MTA Lens's icon, drawn here rather than kept as a binary: a causal attention map (a lower triangle of cells,
 * brightest on one key column, as when a head has found the target block) under a magnifying lens.
 */
final class AppIcon {
    /** Cells per side of the drawn map. */
    private static final int CELLS = 6;
    /** The key column the map attends to most. */
    private static final int FOUND_KEY = 2;
    private static final Color BACKGROUND = new Color(0x1B2838);
    private static final Color[] WEIGHTS = {new Color(0x3E4A89), new Color(0x26828E), new Color(0x35B779), new Color(0xFDE725)};

    private AppIcon() {
    }

    /** Writes the icon as a {@code size} x {@code size} PNG with a transparent surround. */
    static void write(Path png, int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(size / 256.0, size / 256.0);
            g.setColor(BACKGROUND);
            g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 48, 48));
            drawMap(g);
            drawLens(g);
        } finally {
            g.dispose();
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }

    /** The lower triangle of a 6 x 6 map in a 256-unit square: query rows, key columns, the found key brightest. */
    private static void drawMap(Graphics2D g) {
        double origin = 36;
        double cell = 26;
        for (int query = 0; query < CELLS; query++) {
            for (int key = 0; key <= query; key++) {
                g.setColor(WEIGHTS[weightLevel(query, key)]);
                g.fill(new RoundRectangle2D.Double(origin + key * cell + 2, origin + query * cell + 2, cell - 4, cell - 4, 6, 6));
            }
        }
    }

    /** @return 0..3: the found key brightest once a query can see it, the diagonal next, the rest dim */
    private static int weightLevel(int query, int key) {
        if (key == FOUND_KEY && query >= FOUND_KEY) {
            return 3;
        }
        return key == query ? 2 : (query + key) % 2;
    }

    /** A lens over the lower right of the map, its handle towards the corner. */
    private static void drawLens(Graphics2D g) {
        g.setColor(new Color(255, 255, 255, 56));
        g.fill(new Ellipse2D.Double(104, 104, 100, 100));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Ellipse2D.Double(104, 104, 100, 100));
        g.setStroke(new BasicStroke(20, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(192, 192, 226, 226));
    }
}
