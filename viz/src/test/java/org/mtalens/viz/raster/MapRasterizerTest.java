package org.mtalens.viz.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.Scale;

class MapRasterizerTest {
    private static Matrix map(int t, float[] v, boolean causal, ValueKind kind) {
        var labels = Collections.nCopies(t, "x");
        return new Matrix("m", t, t, v, labels, labels, kind, causal);
    }

    @Test
    void aSingleSpikeIn2048x2048SurvivesPoolingInto64x64AtTheRightPixel() {
        int t = 2048;
        float[] v = new float[t * t];
        java.util.Arrays.fill(v, 0.0001f);
        v[1000 * t + 777] = 0.97f;
        PooledCells p = MapRasterizer.pool(map(t, v, false, ValueKind.WEIGHT), Viewport.fit(t, t, 64, 64), 64, 64);

        assertThat(p.value(777 / 32, 1000 / 32)).isEqualTo(0.97f);
        assertThat(p.value(0, 0)).isEqualTo(0.0001f);
        assertThat(p.absMax()).isEqualTo(0.97f);
    }

    @Test
    void poolingKeepsTheSignOfTheLargestMagnitude() {
        float[] v = {0.2f, -0.9f, 0.5f, 0.1f};
        PooledCells p = MapRasterizer.pool(map(2, v, false, ValueKind.SIGNED), Viewport.fit(2, 2, 1, 1), 1, 1);
        assertThat(p.value(0, 0)).isEqualTo(-0.9f);
    }

    @Test
    void atFullZoomEveryPixelBlockShowsExactlyItsCell() {
        float[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Matrix m = map(3, v, false, ValueKind.WEIGHT);
        PooledCells p = MapRasterizer.pool(m, new Viewport(0, 0, 4), 12, 12);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 12; x++) {
                assertThat(p.value(x, y)).isEqualTo(m.value(y / 4, x / 4));
            }
        }
    }

    @Test
    void futureCellsOfACausalMapAreMaskedNotZeroAndMixedBlocksShowTheirPastCells() {
        float[] v = new float[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c <= r; c++) {
                v[r * 4 + c] = 0.1f * (r + 1);
            }
        }
        Matrix m = map(4, v, true, ValueKind.WEIGHT);
        PooledCells exact = MapRasterizer.pool(m, new Viewport(0, 0, 1), 4, 4);
        assertThat(exact.state(3, 0)).isEqualTo(PooledCells.MASKED);
        assertThat(exact.state(0, 3)).isEqualTo(PooledCells.VALUE);

        PooledCells half = MapRasterizer.pool(m, Viewport.fit(4, 4, 2, 2), 2, 2);
        assertThat(half.state(1, 0)).isEqualTo(PooledCells.MASKED);
        assertThat(half.state(0, 0)).isEqualTo(PooledCells.VALUE);
        assertThat(half.value(0, 0)).isEqualTo(0.2f);

        int[] argb = new int[4];
        MapRasterizer.render(m, Viewport.fit(4, 4, 2, 2), ColourScale.forKind(ValueKind.WEIGHT, 1, Scale.LINEAR), 2, 2,
                argb);
        assertThat(argb[1]).isIn(ColourScale.MASKED_LIGHT, ColourScale.MASKED_DARK);
    }

    @Test
    void aNanCellWinsItsPixelSoItIsNeverHidden() {
        int t = 64;
        float[] v = new float[t * t];
        java.util.Arrays.fill(v, 0.5f);
        v[10 * t + 40] = Float.NaN;
        v[11 * t + 41] = 100f;
        PooledCells p = MapRasterizer.pool(map(t, v, false, ValueKind.WEIGHT), Viewport.fit(t, t, 8, 8), 8, 8);
        assertThat(p.state(40 / 8, 10 / 8)).isEqualTo(PooledCells.NAN);
        assertThat(p.state(0, 0)).isEqualTo(PooledCells.VALUE);
    }

    @Test
    void pixelsBeyondTheMapAreOutside() {
        PooledCells p = MapRasterizer.pool(map(2, new float[4], false, ValueKind.WEIGHT), new Viewport(-1, 0, 1), 4, 3);
        assertThat(p.state(0, 0)).isEqualTo(PooledCells.OUTSIDE);
        assertThat(p.state(1, 0)).isEqualTo(PooledCells.VALUE);
        assertThat(p.state(3, 0)).isEqualTo(PooledCells.OUTSIDE);
        assertThat(p.state(1, 2)).isEqualTo(PooledCells.OUTSIDE);
    }

    @Test
    void zoomingKeepsTheCellUnderTheMouseInPlace() {
        Viewport v = new Viewport(10, 20, 2);
        Viewport z = v.zoomAt(50, 30, 3, 0.1);
        assertThat(z.columnAt(50)).isEqualTo(v.columnAt(50));
        assertThat(z.rowAt(30)).isEqualTo(v.rowAt(30));
        assertThat(z.pixelsPerCell()).isEqualTo(6);
    }

    @Test
    void zoomedInRenderingGivesEveryPixelTheColourOfItsOwnCellAndHatchesMaskedOnesPerRow() {
        int t = 6;
        float[] v = new float[t * t];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 7) * 0.1f - 0.2f;
        }
        Matrix m = map(t, v, true, ValueKind.SIGNED);
        Viewport view = new Viewport(0.3, 0.6, 5.5);
        ColourScale scale = ColourScale.forKind(ValueKind.SIGNED, 0.5, Scale.LINEAR);
        int[] argb = new int[30 * 28];
        MapRasterizer.render(m, view, scale, 30, 28, argb);
        PooledCells pooled = MapRasterizer.pool(m, view, 30, 28);
        int[] expected = new int[30 * 28];
        MapRasterizer.colour(pooled, scale, expected);
        assertThat(argb).containsExactly(expected);
        int masked = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 30; x++) {
                masked += pooled.state(x, y) == PooledCells.MASKED ? 1 : 0;
            }
        }
        assertThat(masked).isPositive();
    }
}
