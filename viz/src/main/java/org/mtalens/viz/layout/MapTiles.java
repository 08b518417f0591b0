package org.mtalens.viz.layout;

/**
 * How n maps fill a pane: 1 to 4 per row, each map a tile of the same size, as large as the pane allows. A map
 * wants a square plot, so the best column count is the one whose tiles have the largest smaller side; when even
 * that would make tiles smaller than {@code minSide}, rows scroll instead: as many columns as keep tiles at least
 * {@code minSide} wide, tiles as tall as they are wide but never taller than the pane. Plain maths, no window needed.
 *
 * @param columns    maps per row, 1..4
 * @param rows       rows of maps
 * @param tileWidth  width of one tile in pixels
 * @param tileHeight height of one tile in pixels
 * @param scrolls    true when the rows are taller than the pane (the pane scrolls vertically)
 */
public record MapTiles(int columns, int rows, double tileWidth, double tileHeight, boolean scrolls) {
    /** At most this many maps per row. */
    public static final int MAX_COLUMNS = 4;

    /**
     * @param width   the pane's width in pixels
     * @param height  the pane's height in pixels
     * @param count   how many maps
     * @param gap     pixels between tiles
     * @param minSide the smallest tile side still worth showing; below it rows scroll
     * @return the tiling
     */
    public static MapTiles of(double width, double height, int count, double gap, double minSide) {
        if (count <= 0) {
            return new MapTiles(1, 0, Math.max(0, width), 0, false);
        }
        int best = 1;
        double bestSide = -1;
        for (int c = 1; c <= Math.min(MAX_COLUMNS, count); c++) {
            double side = Math.min(across(width, c, gap), down(height, rows(count, c), gap));
            if (side > bestSide + 1e-9) {
                best = c;
                bestSide = side;
            }
        }
        if (bestSide >= minSide) {
            int rows = rows(count, best);
            return new MapTiles(best, rows, across(width, best, gap), down(height, rows, gap), false);
        }
        int c = 1;
        while (c < Math.min(MAX_COLUMNS, count) && across(width, c + 1, gap) >= minSide) {
            c++;
        }
        double w = Math.max(across(width, c, gap), 0);
        double h = Math.max(Math.min(w, height), Math.min(minSide, w));
        int rows = rows(count, c);
        return new MapTiles(c, rows, w, h, rows * h + (rows - 1) * gap > height + 1e-9);
    }

    private static int rows(int count, int columns) {
        return (count + columns - 1) / columns;
    }

    private static double across(double width, int columns, double gap) {
        return (width - (columns - 1) * gap) / columns;
    }

    private static double down(double height, int rows, double gap) {
        return (height - (rows - 1) * gap) / rows;
    }

    /** @return the x of tile i's left edge */
    public double x(int i, double gap) {
        return (i % columns) * (tileWidth + gap);
    }

    /** @return the y of tile i's top edge */
    public double y(int i, double gap) {
        return (i / columns) * (tileHeight + gap);
    }
}
