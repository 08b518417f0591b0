package org.mtalens.viz.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.ValueKind;

class MapPyramidTest {
    private static Matrix causal(int t, float[] v) {
        var labels = Collections.nCopies(t, "x");
        return new Matrix("m", t, t, v, labels, labels, ValueKind.WEIGHT, true);
    }

    @Test
    void eachLevelKeepsTheLargestMagnitudeOfItsBlockWithItsSign() {
        int t = 256;
        float[] v = new float[t * t];
        for (int r = 0; r < t; r++) {
            for (int c = 0; c <= r; c++) {
                v[r * t + c] = 0.01f;
            }
        }
        v[200 * t + 37] = -0.8f;
        v[201 * t + 36] = 0.5f;
        v[10 * t + 200] = 5f; // masked (future): never shown at any level
        MapPyramid p = MapPyramid.of(causal(t, v));

        assertThat(p.levels()).isEqualTo(3); // 256, 128, 64
        assertThat(p.level(1).value(100, 18)).isEqualTo(-0.8f);
        assertThat(p.level(2).value(50, 9)).isEqualTo(-0.8f);
        assertThat(p.level(2).value(2, 50)).isNotEqualTo(5f);
        assertThat(p.level(2).isMasked(2, 50)).isTrue();
    }

    @Test
    void aNanAnywhereInABlockWinsItsPooledCell() {
        int t = 128;
        float[] v = new float[t * t];
        v[77 * t + 3] = Float.NaN;
        v[76 * t + 2] = 1e30f;
        MapPyramid p = MapPyramid.of(causal(t, v));
        assertThat(p.level(1).value(38, 1)).isNaN();
    }

    @Test
    void drawingAZoomedOutViewFromALevelShowsWhatTheFullMapShowsPixelForPixel() {
        int t = 1024;
        Random random = new Random(5);
        float[] v = new float[t * t];
        for (int r = 0; r < t; r++) {
            for (int c = 0; c <= r; c++) {
                v[r * t + c] = random.nextFloat() * 0.01f;
            }
            v[r * t + Math.max(0, r - 3)] = r % 7 == 0 ? -0.9f : 0.6f;
        }
        Matrix m = causal(t, v);
        MapPyramid p = MapPyramid.of(m);
        Viewport fit = Viewport.fit(t, t, 256, 256); // 4 cells a pixel: level 2
        assertThat(p.levelFor(fit.pixelsPerCell())).isEqualTo(2);

        PooledCells fromLevel = p.pool(fit, 256, 256);
        PooledCells direct = MapRasterizer.pool(m, fit, 256, 256);
        assertThat(fromLevel.values()).containsExactly(direct.values());
        assertThat(fromLevel.states()).containsExactly(direct.states());
    }

    @Test
    void zoomedInPastOnePixelACellTheFullMapIsDrawn() {
        MapPyramid p = MapPyramid.of(causal(512, new float[512 * 512]));
        assertThat(p.levelFor(1.0)).isZero();
        assertThat(p.levelFor(3.0)).isZero();
        assertThat(p.levelFor(0.5)).isEqualTo(1);
        assertThat(p.levelFor(0.3)).isEqualTo(1);
        assertThat(p.levelFor(0.01)).isEqualTo(p.levels() - 1);
    }
}
