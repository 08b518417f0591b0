package org.mtalens.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mtalens.runtime.config.PadKey;

/** Hand-made 3x5 kernels (pad_key both: current key column 2) and 2x4 kernels (pad_key left: column 3). */
class KernelClassifierTest {
    private static HeadKernel both(float... values) {
        return new HeadKernel(3, 5, PadKey.BOTH, values);
    }

    private static KernelPattern classify(HeadKernel k) {
        return KernelClassifier.classify(k);
    }

    @Test
    void theIdentityKernelAndAScaledOneAreNearIdentity() {
        assertThat(classify(both(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0))).isEqualTo(KernelPattern.NEAR_IDENTITY);
        assertThat(classify(both(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3.5f, 0, 0))).isEqualTo(KernelPattern.NEAR_IDENTITY);
    }

    @Test
    void identityWithLeakageJustUnderThirtyPercentOfTheNormIsNearIdentityJustOverIsNot() {
        // off-identity norm / total norm = 0.29 / sqrt(1 + 0.29^2) = 0.279 (under 0.3)
        assertThat(classify(both(0, 0, 0, 0, 0, 0, 0.29f, 0, 0, 0, 0, 0, 1, 0, 0))).isEqualTo(KernelPattern.NEAR_IDENTITY);
        // 0.33 / sqrt(1 + 0.33^2) = 0.313 (over 0.3); one off-diagonal tap: no other rule holds
        assertThat(classify(both(0, 0, 0, 0, 0, 0, 0, 0.33f, 0, 0, 0, 0, 1, 0, 0))).isEqualTo(KernelPattern.OTHER);
    }

    @Test
    void aNegatedIdentityIsNotNearIdentity() {
        assertThat(classify(both(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0))).isEqualTo(KernelPattern.OTHER);
    }

    @Test
    void weightAlongTheQueryKeyDiagonalThroughTheIdentityTapIsDiagonal() {
        // taps (q-2,k-2), (q-1,k-1), (q0,k0): query i-d matches key j-d
        assertThat(classify(both(1, 0, 0, 0, 0, 0, 0.8f, 0, 0, 0, 0, 0, 1, 0, 0))).isEqualTo(KernelPattern.DIAGONAL);
    }

    @Test
    void aDiagonalThatFollowsTheLayersPadKeyIsDiagonal() {
        // pad_key left, 2x4: current key column 3; diagonal taps (row 0, col 2) and (row 1, col 3)
        HeadKernel left = new HeadKernel(2, 4, PadKey.LEFT, new float[] {0, 0, 0.9f, 0, 0, 0, 0, 1});
        assertThat(classify(left)).isEqualTo(KernelPattern.DIAGONAL);
    }

    @Test
    void theAntiDiagonalIsNotDiagonal() {
        // taps (q-2,k+2), (q-1,k+1), (q0,k0): the other direction
        assertThat(classify(both(0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0))).isEqualTo(KernelPattern.OTHER);
    }

    @Test
    void diagonalNeedsSixtyPercentOfTheMassOnIt() {
        // diagonal mass 1.5 of 2.5 = exactly 0.6
        assertThat(classify(both(0, 0, 0, 0, 1, 0, 0.5f, 0, 0, 0, 0, 0, 1, 0, 0))).isEqualTo(KernelPattern.DIAGONAL);
        // diagonal mass 1.5 of 2.6 = 0.58
        assertThat(classify(both(0, 0, 0, 0, 1.1f, 0, 0.5f, 0, 0, 0, 0, 0, 1, 0, 0))).isEqualTo(KernelPattern.OTHER);
    }

    @Test
    void diagonalNeedsASecondStrongTapBesidesTheIdentityTap() {
        // second diagonal tap 0.2 of the largest (under 0.25): mostly identity-shaped, leakage too big for near-identity
        assertThat(classify(both(0.2f, 0, 0, 0, 0, 0.2f, 0, 0, 0, 0, 0.2f, 0, 1, 0, 0.2f)))
                .isEqualTo(KernelPattern.OTHER);
        // a second diagonal tap of 0.4: strong, and too much leakage for near-identity (0.37 of the norm)
        assertThat(classify(both(0.4f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0))).isEqualTo(KernelPattern.DIAGONAL);
    }

    @Test
    void positiveAndNegativeTapsSideBySideAlongKeysAreAnEdge() {
        assertThat(classify(both(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 1, 0, 0))).isEqualTo(KernelPattern.EDGE);
    }

    @Test
    void positiveAndNegativeTapsSideBySideAlongQueriesAreAnEdge() {
        assertThat(classify(both(0, 0, 0, 0, 0, 0, 0, -0.9f, 0, 0, 0, 0, 1, 0, 0))).isEqualTo(KernelPattern.EDGE);
    }

    @Test
    void oppositeSignsThatAreNotNeighboursAreNoEdge() {
        assertThat(classify(both(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 1, 0, 0))).isEqualTo(KernelPattern.OTHER);
    }

    @Test
    void aSmallNegativeShareIsNoEdge() {
        // negative mass 0.3 of 1.6 = 0.19 (under 0.25) although -0.3 is a strong neighbour of 1
        assertThat(classify(both(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -0.3f, 1, 0.3f, 0))).isEqualTo(KernelPattern.OTHER);
        // negative mass 0.4 of 1.4 = 0.29
        assertThat(classify(both(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -0.4f, 1, 0, 0))).isEqualTo(KernelPattern.EDGE);
    }

    @Test
    void zeroAndNonFiniteKernelsAreOther() {
        assertThat(classify(both(new float[15]))).isEqualTo(KernelPattern.OTHER);
        float[] nan = new float[15];
        nan[12] = Float.NaN;
        assertThat(classify(both(nan))).isEqualTo(KernelPattern.OTHER);
    }
}
