package org.mtalens.viz.raster;

/**
 * Which part of a map a view shows: the cell coordinate at the view's top-left pixel and the zoom.
 * Pixel (x, y) of the view shows cell (row0 + y / pixelsPerCell, column0 + x / pixelsPerCell).
 * Immutable; the operations return a new viewport.
 *
 * @param column0       column coordinate (in cells, fractional) at the left edge
 * @param row0          row coordinate (in cells, fractional) at the top edge
 * @param pixelsPerCell zoom: screen pixels per cell (below 1 several cells share a pixel)
 */
public record Viewport(double column0, double row0, double pixelsPerCell) {
    /** The most a view zooms in. */
    public static final double MAX_PIXELS_PER_CELL = 96;

    public Viewport {
        if (!(pixelsPerCell > 0) || !Double.isFinite(column0) || !Double.isFinite(row0)) {
            throw new IllegalArgumentException("viewport needs a finite origin and a positive zoom, got ("
                    + column0 + ", " + row0 + ", " + pixelsPerCell + ")");
        }
    }

    /** @return the viewport that shows a whole rows x columns map in width x height pixels, centred */
    public static Viewport fit(int rows, int columns, double width, double height) {
        double ppc = Math.min(width / Math.max(1, columns), height / Math.max(1, rows));
        ppc = Math.min(ppc > 0 ? ppc : 1, MAX_PIXELS_PER_CELL);
        double column0 = (columns - width / ppc) / 2;
        double row0 = (rows - height / ppc) / 2;
        return new Viewport(Math.min(0, column0), Math.min(0, row0), ppc);
    }

    /** @return the (fractional) column under pixel x */
    public double columnAt(double x) {
        return column0 + x / pixelsPerCell;
    }

    /** @return the (fractional) row under pixel y */
    public double rowAt(double y) {
        return row0 + y / pixelsPerCell;
    }

    /** @return the pixel x of the left edge of column c */
    public double xOf(double c) {
        return (c - column0) * pixelsPerCell;
    }

    /** @return the pixel y of the top edge of row r */
    public double yOf(double r) {
        return (r - row0) * pixelsPerCell;
    }

    /** @return the viewport zoomed by {@code factor} keeping the cell under pixel (x, y) in place */
    public Viewport zoomAt(double x, double y, double factor, double minPixelsPerCell) {
        double ppc = Math.max(minPixelsPerCell, Math.min(MAX_PIXELS_PER_CELL, pixelsPerCell * factor));
        return new Viewport(columnAt(x) - x / ppc, rowAt(y) - y / ppc, ppc);
    }

    /** @return the viewport moved so the content follows a drag of (dx, dy) pixels */
    public Viewport panBy(double dx, double dy) {
        return new Viewport(column0 - dx / pixelsPerCell, row0 - dy / pixelsPerCell, pixelsPerCell);
    }

    /**
     * @return this viewport moved the least so that a rows x columns map stays in view of a width x height view:
     * centred on an axis where the map is smaller than the view, edge to edge otherwise
     */
    public Viewport clamp(int rows, int columns, double width, double height) {
        return new Viewport(clampAxis(column0, columns, width / pixelsPerCell),
                clampAxis(row0, rows, height / pixelsPerCell), pixelsPerCell);
    }

    private static double clampAxis(double origin, int cells, double visibleCells) {
        if (visibleCells >= cells) {
            return (cells - visibleCells) / 2;
        }
        return Math.max(0, Math.min(origin, cells - visibleCells));
    }
}
