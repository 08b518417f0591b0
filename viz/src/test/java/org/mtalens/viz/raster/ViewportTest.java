package org.mtalens.viz.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ViewportTest {
    @Test
    void fitShowsTheWholeMapCentredAlongItsShorterSide() {
        Viewport v = Viewport.fit(100, 100, 400, 300);
        assertThat(v.pixelsPerCell()).isEqualTo(3);
        assertThat(v.yOf(0)).isCloseTo(0, offset(1e-9));
        assertThat(v.yOf(100)).isCloseTo(300, offset(1e-9));
        assertThat(v.xOf(0)).isCloseTo(50, offset(1e-9));
        assertThat(v.xOf(100)).isCloseTo(350, offset(1e-9));
    }

    @Test
    void zoomingAboutAPointKeepsThatPointOnTheSameCellAtEveryStep() {
        Viewport v = Viewport.fit(4096, 4096, 1000, 1000);
        double column = v.columnAt(613);
        double row = v.rowAt(127);
        for (int i = 0; i < 60; i++) {
            v = v.zoomAt(613, 127, 1.15, 0.1);
            assertThat(v.columnAt(613)).isCloseTo(column, offset(1e-6));
            assertThat(v.rowAt(127)).isCloseTo(row, offset(1e-6));
        }
        assertThat(v.pixelsPerCell()).isEqualTo(Viewport.MAX_PIXELS_PER_CELL);
    }

    @Test
    void panningStopsAtTheMapsEdgesAndAMapSmallerThanTheViewStaysCentred() {
        Viewport zoomed = new Viewport(0, 0, 10); // 100x100 map, 200x200 view: 20 cells visible
        Viewport farLeft = zoomed.panBy(5000, 5000).clamp(100, 100, 200, 200);
        assertThat(farLeft.column0()).isZero();
        assertThat(farLeft.row0()).isZero();
        Viewport farRight = zoomed.panBy(-5000, -5000).clamp(100, 100, 200, 200);
        assertThat(farRight.column0()).isEqualTo(80);
        assertThat(farRight.row0()).isEqualTo(80);

        Viewport small = new Viewport(-30, 12, 1).clamp(100, 100, 200, 200);
        assertThat(small.column0()).isEqualTo(-50);
        assertThat(small.row0()).isEqualTo(-50);
    }
}
