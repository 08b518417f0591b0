package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.config.Stage;

/** A map holds its causal triangle and gives back the square the reference fixtures hold. */
class AttentionMapTest {
    private static final float[] SQUARE = {
        1, 0, 0,
        2, 3, 0,
        4, -5, 6};

    @Test
    void theSquareComesBackWithEveryFutureKeyZeroAndOnlyTheTriangleIsHeld() {
        AttentionMap map = new AttentionMap(1, Stage.FINAL, 2, 3, SQUARE);
        assertThat(map.values()).containsExactly(SQUARE);
        assertThat(map.value(2, 1)).isEqualTo(-5f);
        assertThat(map.value(0, 2)).as("a future key").isZero();
        assertThat(map.memory()).containsExactly(1, 2, 3, 4, -5, 6);
        assertThat(AttentionMap.bytes(2048)).as("a map of the 830M model at T=2048").isEqualTo(2048L * 2049 / 2 * 4);
    }

    @Test
    void copyingIntoUsedMemoryOverwritesEveryCellFutureKeysIncluded() {
        float[] used = new float[9];
        Arrays.fill(used, Float.NaN);
        new AttentionMap(0, Stage.SCORES, 0, 3, SQUARE).copyTo(used);
        assertThat(used).containsExactly(SQUARE);
        assertThatThrownBy(() -> new AttentionMap(0, Stage.SCORES, 0, 3, SQUARE).copyTo(new float[8]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9 values");
        assertThatThrownBy(() -> new AttentionMap(0, Stage.SCORES, 0, 3, SQUARE).value(3, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
