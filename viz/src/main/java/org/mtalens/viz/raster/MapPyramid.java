package org.mtalens.viz.raster;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.colour.ColourScale;

/**
 * A map and its max-|value| pooled levels, so that drawing any window of it costs about as many reads as the
 * window has pixels, at any size: level k is the map pooled 2^k x 2^k (each cell keeps the value of largest
 * magnitude among the cells it covers, with its sign; a NaN always wins). A drawing picks the coarsest level
 * whose cells are still no larger than a pixel, so the pooled overview is what {@link MapRasterizer} would give
 * from the full map, give or take one pixel at block edges. A causal map's levels are causal too: a level cell
 * is masked exactly when every cell under it is (column above row, at every level). Costs a third of the map's
 * memory more. Immutable; build off the FX thread for large maps (T=4096: tens of ms).
 */
public final class MapPyramid {
    /** Levels stop once a side is this small: drawing them directly is cheap. */
    private static final int SMALLEST = 64;
    private static final int ROWS_PER_TASK = 32;

    private final List<Matrix> levels;

    private MapPyramid(List<Matrix> levels) {
        this.levels = List.copyOf(levels);
    }

    /** @return the pyramid of {@code map}: the map itself, then each level half the size of the one before */
    public static MapPyramid of(Matrix map) {
        List<Matrix> levels = new ArrayList<>();
        levels.add(map);
        Matrix level = map;
        while (Math.max(level.rows(), level.columns()) > SMALLEST) {
            level = halve(level);
            levels.add(level);
        }
        return new MapPyramid(levels);
    }

    /** @return a pyramid of the map alone (drawn directly at every zoom): a stand-in while the levels are built */
    public static MapPyramid flat(Matrix map) {
        return new MapPyramid(List.of(map));
    }

    /** @return the number of levels, the full map included */
    public int levels() {
        return levels.size();
    }

    /** @return level k: the full map for 0, pooled 2^k x 2^k beyond */
    public Matrix level(int k) {
        return levels.get(k);
    }

    /** @return the full map */
    public Matrix map() {
        return levels.get(0);
    }

    /** @return the level drawn at a zoom of {@code pixelsPerCell} (full-map cells): 2^k cells per pixel at most */
    public int levelFor(double pixelsPerCell) {
        int k = 0;
        while (k + 1 < levels.size() && pixelsPerCell * (1 << (k + 1)) <= 1 + 1e-9) {
            k++;
        }
        return k;
    }

    /** @return {@code view} (in full-map cells) expressed in the cells of level k */
    public static Viewport atLevel(Viewport view, int k) {
        double s = 1 << k;
        return new Viewport(view.column0() / s, view.row0() / s, view.pixelsPerCell() * s);
    }

    /** Pools (from the right level) and colours the window {@code view} into {@code argb} (width x height). */
    public void render(Viewport view, ColourScale scale, int width, int height, int[] argb) {
        int k = levelFor(view.pixelsPerCell());
        MapRasterizer.render(levels.get(k), atLevel(view, k), scale, width, height, argb);
    }

    /** @return the window {@code view} pooled to width x height pixels, from the right level */
    public PooledCells pool(Viewport view, int width, int height) {
        int k = levelFor(view.pixelsPerCell());
        return MapRasterizer.pool(levels.get(k), atLevel(view, k), width, height);
    }

    /** @return {@code m} pooled 2x2: per block the value of largest |value| among its unmasked cells */
    static Matrix halve(Matrix m) {
        int rows = (m.rows() + 1) / 2;
        int columns = (m.columns() + 1) / 2;
        float[] out = new float[rows * columns];
        int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            for (int r = t * ROWS_PER_TASK, end = Math.min(rows, (t + 1) * ROWS_PER_TASK); r < end; r++) {
                halveRow(m, r, columns, out);
            }
        });
        List<String> rowLabels = blockLabels(m.rowLabels(), rows);
        List<String> columnLabels = blockLabels(m.columnLabels(), columns);
        return new Matrix(m.title(), rows, columns, out, rowLabels, columnLabels, m.kind(), m.causal());
    }

    private static void halveRow(Matrix m, int r, int columns, float[] out) {
        float[] v = m.values();
        int n = m.columns();
        int i0 = 2 * r;
        int i1 = 2 * r + 1;
        // blocks whose four cells are all there and unmasked: a straight loop over both rows
        int full = i1 < m.rows() ? Math.min(n / 2, m.causal() ? r : columns) : 0;
        for (int c = 0, a = i0 * n, b = i1 * n; c < full; c++, a += 2, b += 2) {
            out[r * columns + c] = Float.intBitsToFloat(larger(larger(bits(v[a]), bits(v[a + 1])),
                    larger(bits(v[b]), bits(v[b + 1]))));
        }
        for (int c = full; c < columns; c++) {
            out[r * columns + c] = block(m, i0, Math.min(i1 + 1, m.rows()), 2 * c, Math.min(2 * c + 2, n));
        }
    }

    /** @return the value of largest |value| among the unmasked cells of rows [r0, r1) x columns [c0, c1) */
    private static float block(Matrix m, int r0, int r1, int c0, int c1) {
        float[] v = m.values();
        int best = 0;
        for (int i = r0; i < r1; i++) {
            int limit = m.causal() ? Math.min(c1, i + 1) : c1;
            for (int j = c0; j < limit; j++) {
                best = larger(best, bits(v[i * m.columns() + j]));
            }
        }
        return Float.intBitsToFloat(best);
    }

    private static int bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    /** @return of two floats' bits, the one of larger magnitude (a NaN beats every number) */
    private static int larger(int a, int b) {
        return (a & 0x7fffffff) >= (b & 0x7fffffff) ? a : b;
    }

    /** Levels keep one label per block (its first token): labels are only drawn at full size, never from a level. */
    private static List<String> blockLabels(List<String> labels, int blocks) {
        List<String> out = new ArrayList<>(blocks);
        for (int i = 0; i < blocks; i++) {
            out.add(labels.get(2 * i));
        }
        return out;
    }
}
