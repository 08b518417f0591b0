package org.mtalens.viz.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mtalens.viz.HeadMixing;
import org.mtalens.viz.Kernel;
import org.mtalens.viz.PadKey;

class KernelOffsetsTest {
    private static Kernel kernel(int cq, int ck, PadKey pad) {
        return new Kernel("k", 1, cq, ck, new float[cq * ck], pad);
    }

    @Test
    void queryOffsetsRunFromThePastToTheCurrentQuery() {
        assertThat(KernelGrids.queryOffsetLabels(kernel(3, 5, PadKey.BOTH))).containsExactly("-2", "-1", "0");
    }

    @Test
    void keyOffsetsFollowPadKey() {
        assertThat(KernelGrids.keyOffsetLabels(kernel(3, 5, PadKey.BOTH))).containsExactly("-2", "-1", "0", "+1", "+2");
        assertThat(KernelGrids.keyOffsetLabels(kernel(2, 4, PadKey.LEFT))).containsExactly("-3", "-2", "-1", "0");
        assertThat(KernelGrids.keyOffsetLabels(kernel(2, 4, PadKey.RIGHT))).containsExactly("0", "+1", "+2", "+3");
    }

    @Test
    void theIdentityTapIsTheCurrentQueryAtKeyOffsetZero() {
        Kernel both = kernel(3, 5, PadKey.BOTH);
        assertThat(both.identityRow()).isEqualTo(2);
        assertThat(both.keyOffset(both.identityColumn())).isZero();
        assertThat(kernel(2, 4, PadKey.LEFT).identityColumn()).isEqualTo(3);
        assertThat(kernel(2, 4, PadKey.RIGHT).identityColumn()).isZero();
    }

    @Test
    void headKernelIsReadSourceThenDestinationAndLinearMixDestinationThenSource() {
        // head_kernel [G=1, c=2, c=2] indexed [src, dst]: HK[0, src 1, dst 0] = 0.7
        HeadMixing conv = HeadMixing.headKernel("hk", 1, 2, new float[] {1, 0, 0.7f, 1});
        assertThat(conv.weight(0, 1)).isEqualTo(0.7f);
        assertThat(conv.weight(1, 0)).isEqualTo(0f);
        // wpsm [dst, src]: W[dst 0, src 1] = 0.3
        HeadMixing linear = HeadMixing.linear("wpsm", 2, new float[] {1, 0.3f, 0, 1});
        assertThat(linear.weight(0, 1)).isEqualTo(0.3f);
    }

    @Test
    void headsOfDifferentGroupsDoNotMixAndAreBlankInTheGrid() {
        HeadMixing conv = HeadMixing.headKernel("hk", 2, 2, new float[8]);
        GridData grid = KernelGrids.headMixing(conv);
        assertThat(grid.isBlank(0, 1)).isFalse();
        assertThat(grid.isBlank(0, 2)).isTrue();
        assertThat(grid.rowAxis()).isEqualTo("destination head");
        assertThat(grid.columnAxis()).isEqualTo("source head");
    }
}
