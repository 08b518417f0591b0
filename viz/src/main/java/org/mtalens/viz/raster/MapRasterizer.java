package org.mtalens.viz.raster;

import java.util.stream.IntStream;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.colour.ColourLookup;
import org.mtalens.viz.colour.ColourScale;

/**
 * Turns a map into pixels: max-pools the cells each pixel covers (keeping the value of largest |value|,
 * so one sharp attention spike stays visible at any zoom), then colours them. When a pixel covers
 * exactly one cell (zoomed in) the pixel is that cell, exact. Masked (future) cells of a causal map and
 * NaN cells keep their own state. Rows of pixels are split across threads (the common fork-join pool).
 */
public final class MapRasterizer {
    private static final int ROWS_PER_TASK = 16;

    private MapRasterizer() {
    }

    /** @return the cells of {@code map} seen through {@code view}, pooled to width x height pixels */
    public static PooledCells pool(Matrix map, Viewport view, int width, int height) {
        PooledCells out = PooledCells.allocate(width, height);
        Spans columns = Spans.of(view.column0(), view.pixelsPerCell(), width, map.columns());
        Spans rows = Spans.of(view.row0(), view.pixelsPerCell(), height, map.rows());
        forEachTaskRange(height, (from, to) -> {
            int[] band = new int[map.columns()];
            for (int y = from; y < to; y++) {
                poolRow(map, rows.start[y], rows.end[y], columns, out, y * width, band);
            }
        });
        return out;
    }

    /**
     * Pools and colours in one go into {@code argb} (width x height, row-major, ARGB), as the heatmap and the
     * benchmark do. Masked pixels are hatched, NaN pixels magenta, pixels beyond the map transparent.
     */
    public static void render(Matrix map, Viewport view, ColourScale scale, int width, int height, int[] argb) {
        Spans columns = Spans.of(view.column0(), view.pixelsPerCell(), width, map.columns());
        Spans rows = Spans.of(view.row0(), view.pixelsPerCell(), height, map.rows());
        ColourLookup lookup = new ColourLookup(scale);
        forEachTaskRange(height, (from, to) -> {
            PooledCells line = PooledCells.allocate(width, 1);
            int[] band = new int[map.columns()];
            for (int y = from; y < to; y++) {
                if (y > from && rows.start[y] == rows.start[y - 1] && rows.end[y] == rows.end[y - 1]) {
                    repeatRow(line, argb, width, y); // zoomed in: the same map row as the pixel row above
                    continue;
                }
                poolRow(map, rows.start[y], rows.end[y], columns, line, 0, band);
                colourRow(line, 0, lookup, argb, y * width, y);
            }
        });
    }

    /** Colours pooled pixels into {@code argb} (same size). */
    public static void colour(PooledCells pooled, ColourScale scale, int[] argb) {
        int w = pooled.width();
        ColourLookup lookup = new ColourLookup(scale);
        forEachTask(pooled.height(), y -> colourRow(pooled, y * w, lookup, argb, y * w, y));
    }

    private static void colourRow(PooledCells p, int from, ColourLookup scale, int[] argb, int to, int y) {
        float[] values = p.values();
        byte[] states = p.states();
        for (int x = 0; x < p.width(); x++) {
            byte state = states[from + x];
            if (state == PooledCells.VALUE && x > 0 && states[from + x - 1] == PooledCells.VALUE
                    && values[from + x] == values[from + x - 1]) {
                argb[to + x] = argb[to + x - 1]; // zoomed in: the same cell as the pixel to the left
                continue;
            }
            argb[to + x] = switch (state) {
                case PooledCells.VALUE -> scale.argb(values[from + x]);
                case PooledCells.MASKED -> ColourScale.maskedArgb(x, y);
                case PooledCells.NAN -> ColourScale.NAN;
                default -> ColourScale.OUTSIDE;
            };
        }
    }

    /** Copies the pixel row above (pooled from the same cells) into row y, hatching its masked pixels for row y. */
    private static void repeatRow(PooledCells line, int[] argb, int width, int y) {
        System.arraycopy(argb, (y - 1) * width, argb, y * width, width);
        byte[] states = line.states();
        for (int x = 0; x < width; x++) {
            if (states[x] == PooledCells.MASKED) {
                argb[y * width + x] = ColourScale.maskedArgb(x, y);
            }
        }
    }

    /** Magnitude bits of a float: compared as ints they order |values|, and every NaN is above +infinity. */
    private static final int ABS_BITS = 0x7fffffff;
    private static final int INFINITY_BITS = 0x7f800000;

    /**
     * Pools the map rows [rowStart, rowEnd) into one row of pixels starting at {@code at}: first per column the
     * value of largest |value| over the rows (a tight loop over memory in order), then per pixel over its columns.
     * Values are compared by their magnitude bits, so a NaN beats every number and marks its pixel NaN.
     */
    private static void poolRow(Matrix map, int rowStart, int rowEnd, Spans columns, PooledCells out, int at,
                                int[] band) {
        float[] values = out.values();
        byte[] states = out.states();
        int width = columns.start.length;
        int from = columns.first;
        int to = columns.last;
        if (rowStart >= rowEnd || from >= to) {
            java.util.Arrays.fill(states, at, at + width, PooledCells.OUTSIDE);
            return;
        }
        boolean causal = map.causal();
        java.util.Arrays.fill(band, from, to, 0);
        float[] cells = map.values();
        int n = map.columns();
        for (int r = rowStart; r < rowEnd; r++) {
            int base = r * n;
            int limit = causal ? Math.min(to, r + 1) : to;
            for (int c = from; c < limit; c++) {
                int b = Float.floatToRawIntBits(cells[base + c]);
                int t = band[c];
                band[c] = (b & ABS_BITS) > (t & ABS_BITS) ? b : t;
            }
        }
        for (int x = 0; x < width; x++) {
            int s = columns.start[x];
            int e = columns.end[x];
            int unmasked = causal ? Math.min(e, rowEnd) : e;
            if (s >= e) {
                states[at + x] = PooledCells.OUTSIDE;
            } else if (s >= unmasked) {
                states[at + x] = PooledCells.MASKED;
            } else {
                int best = band[s];
                for (int c = s + 1; c < unmasked; c++) {
                    int b = band[c];
                    best = (b & ABS_BITS) > (best & ABS_BITS) ? b : best;
                }
                boolean nan = (best & ABS_BITS) > INFINITY_BITS;
                values[at + x] = nan ? 0 : Float.intBitsToFloat(best);
                states[at + x] = nan ? PooledCells.NAN : PooledCells.VALUE;
            }
        }
    }

    private static void forEachTask(int height, java.util.function.IntConsumer row) {
        forEachTaskRange(height, (from, to) -> {
            for (int y = from; y < to; y++) {
                row.accept(y);
            }
        });
    }

    private interface RowRange {
        void run(int from, int to);
    }

    private static void forEachTaskRange(int height, RowRange task) {
        int tasks = (height + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        if (tasks <= 1) {
            task.run(0, height);
            return;
        }
        IntStream.range(0, tasks).parallel()
                .forEach(t -> task.run(t * ROWS_PER_TASK, Math.min(height, (t + 1) * ROWS_PER_TASK)));
    }

    /** Per pixel along one axis, the half-open range of cells it covers (empty beyond the map). */
    static final class Spans {
        final int[] start;
        final int[] end;
        /** The first column any pixel covers. */
        final int first;
        /** One past the last column any pixel covers (first when none). */
        final int last;

        private Spans(int[] start, int[] end) {
            this.start = start;
            this.end = end;
            int f = Integer.MAX_VALUE;
            int l = 0;
            for (int p = 0; p < start.length; p++) {
                if (start[p] < end[p]) {
                    f = Math.min(f, start[p]);
                    l = Math.max(l, end[p]);
                }
            }
            this.first = f == Integer.MAX_VALUE ? 0 : f;
            this.last = f == Integer.MAX_VALUE ? 0 : l;
        }

        static Spans of(double origin, double pixelsPerCell, int pixels, int cells) {
            int[] start = new int[pixels];
            int[] end = new int[pixels];
            for (int p = 0; p < pixels; p++) {
                int s;
                int e;
                if (pixelsPerCell >= 1) {
                    s = (int) Math.floor(origin + (p + 0.5) / pixelsPerCell);
                    e = s + 1;
                } else {
                    s = (int) Math.floor(origin + p / pixelsPerCell + 1e-9);
                    e = Math.max(s + 1, (int) Math.floor(origin + (p + 1) / pixelsPerCell + 1e-9));
                }
                start[p] = Math.max(0, Math.min(cells, s));
                end[p] = Math.max(0, Math.min(cells, e));
                if (s < 0 && e <= 0 || s >= cells) {
                    start[p] = end[p] = 0;
                }
            }
            return new Spans(start, end);
        }
    }
}
