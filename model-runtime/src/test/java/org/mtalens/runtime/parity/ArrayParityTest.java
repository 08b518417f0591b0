package org.mtalens.runtime.parity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrayParityTest {
    @Test
    void theLargestDifferenceIsFoundAndPlacedOnEveryAxis() {
        float[] expected = new float[2 * 3 * 3];
        float[] actual = expected.clone();
        actual[1 * 9 + 2 * 3 + 1] = 0.5f; // [1, 2, 1]
        actual[4] = -0.25f;

        ArrayParity p = ArrayParity.compare("layer0/final", new long[] {2, 3, 3}, actual, expected);

        assertThat(p.maxAbsDiff()).isEqualTo(0.5);
        assertThat(p.at()).containsExactly(1, 2, 1);
        assertThat(p.within(0.5)).isTrue();
        assertThat(p.within(0.4)).isFalse();
    }

    @Test
    void aNanOnOneSideIsNeverWithinTolerance() {
        ArrayParity p = ArrayParity.compare("logits", new long[] {1, 2}, new float[] {0, Float.NaN}, new float[] {0, 1});

        assertThat(p.maxAbsDiff()).isInfinite();
        assertThat(p.at()).containsExactly(0, 1);
        assertThat(p.within(1e3)).isFalse();
    }

    @Test
    void anArrayOfAnotherLengthIsAProblemNotANumber() {
        ArrayParity p = ArrayParity.compare("logits", new long[] {2}, new float[3], new float[2]);

        assertThat(p.within(1)).isFalse();
        assertThat(p.describe()).isEqualTo("logits: MTA Lens produced 3 values, the reference has 2");
    }
}
