package org.mtalens.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one identity tap of a key-query kernel, by pad_key. */
class KernelShapeTest {
    private final KernelShape threeByFive = new KernelShape(3, 5);

    @Test
    void paddingBothSidesPutsTheIdentityTapInTheMiddleColumnOfTheLastRow() {
        assertThat(threeByFive.identityRow()).isEqualTo(2);
        assertThat(threeByFive.identityColumn(PadKey.BOTH)).isEqualTo(2);
        assertThat(threeByFive.identityTap(PadKey.BOTH)).isEqualTo(2 * 5 + 2);
    }

    @Test
    void paddingLeftPutsItInTheLastColumn() {
        assertThat(threeByFive.identityColumn(PadKey.LEFT)).isEqualTo(4);
        assertThat(threeByFive.identityTap(PadKey.LEFT)).isEqualTo(2 * 5 + 4);
    }

    @Test
    void paddingRightPutsItInTheFirstColumn() {
        assertThat(threeByFive.identityColumn(PadKey.RIGHT)).isZero();
        assertThat(threeByFive.identityTap(PadKey.RIGHT)).isEqualTo(2 * 5);
    }
}
