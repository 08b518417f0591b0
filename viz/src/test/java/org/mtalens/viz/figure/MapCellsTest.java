package org.mtalens.viz.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Shape;
import org.junit.jupiter.api.Test;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.testing.SyntheticMaps;

class MapCellsTest {
    @Test
    void theHatchedStaircaseCoversExactlyTheFutureKeys() {
        Matrix map = SyntheticMaps.weights("w", 7, 1);
        Shape masked = MapCells.maskedStaircase(map, 5, 3, 2, 2);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                assertThat(masked.contains(5 + (c + 0.5) * 2, 3 + (r + 0.5) * 2)).as("cell (%d, %d)", r, c)
                        .isEqualTo(c > r);
            }
        }
    }

    @Test
    void aMapIsAnImageWhenItHasMoreCellsThanPixelsOrMoreThan128ASide() {
        Matrix small = SyntheticMaps.weights("w", 100, 1);
        assertThat(MapCells.asImage(small, 200, 200, 1)).isFalse();
        assertThat(MapCells.asImage(small, 200, 200, 0.49)).as("98 pixels for 100 cells").isTrue();
        assertThat(MapCells.asImage(SyntheticMaps.weights("w", 129, 1), 200, 200, 300 / 72.0)).isTrue();
        assertThat(MapCells.asImage(SyntheticMaps.weights("w", 128, 1), 200, 200, 300 / 72.0)).isFalse();
    }
}
