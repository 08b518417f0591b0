package org.mtalens.viz.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelThinningTest {
    @Test
    void everyLabelShowsWhenCellsAreTallerThanTheText() {
        assertThat(LabelThinning.visible(0, 8, 20, 13)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void shownLabelsAreNeverCloserThanTheTextHeight() {
        for (double ppc : new double[] {0.25, 0.5, 1, 3, 6.4, 12.9}) {
            List<Integer> shown = LabelThinning.visible(0, 4096, ppc, 13);
            for (int i = 1; i < shown.size(); i++) {
                assertThat((shown.get(i) - shown.get(i - 1)) * ppc).as("at " + ppc + " px per cell")
                        .isGreaterThanOrEqualTo(13);
            }
        }
    }

    @Test
    void thinnedLabelsFallOnRoundTokenIndices() {
        assertThat(LabelThinning.stride(0.5, 13)).isEqualTo(50);
        assertThat(LabelThinning.visible(120, 260, 0.5, 13)).containsExactly(150, 200, 250);
    }

    @Test
    void whitespaceInTokensIsMadeVisibleAndLongTokensAreCut() {
        assertThat(LabelThinning.display(" the", 12)).isEqualTo("\u2423the");
        assertThat(LabelThinning.display("\n", 12)).isEqualTo("\u21b5");
        assertThat(LabelThinning.display("internationalisation", 8)).isEqualTo("interna\u2026");
    }
}
