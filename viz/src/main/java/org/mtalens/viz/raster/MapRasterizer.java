package org.mtalens.viz.raster;

import java.util.stream.IntStream;
import org.mtalens.viz.Matrix;
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
        forEachTask(height, y -> poolRow(map, rows.start[y], rows.end[y], columns, out, y * width));
        return out;
    }

    /**
     * Pools and colours in one go into {@code argb} (width x height, row-major, ARGB), as the heatmap and the
     * benchmark do. Masked pixels are hatched, NaN pixels magenta, pixels beyond the map transparent.
     */
    public static void render(Matrix map, Viewport view, ColourScale scale, int width, int height, int[] argb) {
        Spans columns = Spans.of(view.column0(), view.pixelsPerCell(), width, map.columns());
        Spans rows = Spans.of(view.row0(), view.pixelsPerCell(), height, map.rows());
        forEachTaskRange(height, (from, to) -> {
            PooledCells line = PooledCells.allocate(width, 1);
            for (int y = from; y < to; y++) {
                poolRow(map, rows.start[y], rows.end[y], columns, line, 0);
                colourRow(line, 0, scale, argb, y * width, y);
            }
        });
    }

    /** Colours pooled pixels into {@code argb} (same size). */
    public static void colour(PooledCells pooled, ColourScale scale, int[] argb) {
        int w = pooled.width();
        forEachTask(pooled.height(), y -> colourRow(pooled, y * w, scale, argb, y * w, y));
    }

    private static void colourRow(PooledCells p, int from, ColourScale scale, int[] argb, int to, int y) {
        float[] values = p.values();
        byte[] states = p.states();
        for (int x = 0; x < p.width(); x++) {
            argb[to + x] = switch (states[from + x]) {
                case PooledCells.VALUE -> scale.argb(values[from + x]);
                case PooledCells.MASKED -> ColourScale.maskedArgb(x, y);
                case PooledCells.NAN -> ColourScale.NAN;
                default -> ColourScale.OUTSIDE;
            };
        }
    }

    /** Pools the map rows [rowStart, rowEnd) into one row of pixels starting at {@code at}. */
    private static void poolRow(Matrix map, int rowStart, int rowEnd, Spans columns, PooledCells out, int at) {
        float[] values = out.values();
        byte[] states = out.states();
        int width = columns.start.length;
        if (rowStart >= rowEnd) {
            java.util.Arrays.fill(states, at, at + width, PooledCells.OUTSIDE);
            return;
        }
        for (int x = 0; x < width; x++) {
            values[at + x] = 0;
            states[at + x] = columns.start[x] < columns.end[x] ? PooledCells.MASKED : PooledCells.OUTSIDE;
        }
        float[] cells = map.values();
        int n = map.columns();
        boolean causal = map.causal();
        for (int r = rowStart; r < rowEnd; r++) {
            int base = r * n;
            int limit = causal ? r + 1 : n;
            for (int x = 0; x < width; x++) {
                int end = Math.min(columns.end[x], limit);
                int c = columns.start[x];
                if (c >= end || states[at + x] == PooledCells.NAN) {
                    continue;
                }
                float best = states[at + x] == PooledCells.VALUE ? values[at + x] : cells[base + c];
                float bestAbs = Math.abs(best);
                boolean nan = false;
                for (; c < end; c++) {
                    float v = cells[base + c];
                    float a = Math.abs(v);
                    if (a > bestAbs) {
                        best = v;
                        bestAbs = a;
                    } else if (v != v) {
                        nan = true;
                    }
                }
                values[at + x] = nan || best != best ? 0 : best;
                states[at + x] = nan || best != best ? PooledCells.NAN : PooledCells.VALUE;
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

        private Spans(int[] start, int[] end) {
            this.start = start;
            this.end = end;
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
