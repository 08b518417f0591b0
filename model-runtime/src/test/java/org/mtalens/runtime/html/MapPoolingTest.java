package org.mtalens.runtime.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;

class MapPoolingTest {
    private static final float NAN = Float.NaN;

    @Test
    void eachCellKeepsTheValueOfLargestMagnitudeWithItsSignAndNanWins() {
        AttentionMap map = new AttentionMap(1, Stage.SCORES, 0, 5, new float[] {
            1, 0, 0, 0, 0,
            2, -9, 0, 0, 0,
            8, 3, 4, 0, 0,
            0.5f, -1, 2, -7, 0,
            6, NAN, 1, 2, 3});

        PooledMap pooled = MapPooling.pool(map, 2);

        assertThat(pooled.factor()).isEqualTo(3);
        assertThat(pooled.size()).isEqualTo(2);
        // blocks: queries 0-2 x keys 0-2, 0-2 x 3-4, 3-4 x 0-2 (holds the NaN), 3-4 x 3-4 (cut at T = 5)
        assertThat(pooled.values()).containsExactly(-9, 0, NAN, -7);
    }

    @Test
    void aMapThatFitsIsKeptAsItIs() {
        float[] values = {0.5f, 0, 0.25f, 0.75f};
        PooledMap pooled = MapPooling.pool(new AttentionMap(0, Stage.FINAL, 3, 2, values), 2);

        assertThat(pooled.isPooled()).isFalse();
        assertThat(pooled.values()).containsExactly(values);
        assertThat(pooled.head()).isEqualTo(3);
    }

    @Test
    void theFactorIsTheSmallestThatBringsAMapWithinTheLimit() {
        for (int maxCells : new int[] {2, 5, 64, 256}) {
            for (int tokens = 1; tokens <= 3000; tokens++) {
                int factor = MapPooling.factor(tokens, maxCells);
                int cells = (tokens + factor - 1) / factor;
                assertThat(cells).as("T=%d, max %d", tokens, maxCells).isLessThanOrEqualTo(maxCells);
                if (factor > 1) {
                    assertThat((tokens + factor - 2) / (factor - 1)).as("T=%d, max %d: factor-1 too small", tokens, maxCells)
                            .isGreaterThan(maxCells);
                }
            }
        }
        assertThat(MapPooling.factor(2048, 256)).isEqualTo(8);
    }
}
