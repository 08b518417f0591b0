package org.mtalens.viz.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.mtalens.viz.ValueKind;

class ColourScaleTest {
    @Test
    void viridisRunsFromDarkPurpleToYellowThroughItsPublishedEnds() {
        assertThat(ColourMap.VIRIDIS.argb(0)).isEqualTo(0xFF440154);
        assertThat(ColourMap.VIRIDIS.argb(1)).isEqualTo(0xFFFDE725);
        assertThat(ColourMap.MAGMA.argb(0)).isEqualTo(0xFF000004);
        assertThat(ColourMap.GREY.argb(1)).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void sequentialMapsGetBrighterAsWeightsGrow() {
        for (ColourMap map : new ColourMap[] {ColourMap.VIRIDIS, ColourMap.MAGMA, ColourMap.GREY}) {
            double previous = -1;
            for (int i = 0; i <= 10; i++) {
                double lum = luminance(map.argb(i / 10.0));
                assertThat(lum).as(map + " at " + i / 10.0).isGreaterThan(previous);
                previous = lum;
            }
        }
    }

    @Test
    void divergingScaleIsWhiteAtZeroBlueBelowAndRedAbove() {
        ColourScale s = ColourScale.forKind(ValueKind.SIGNED, 2, Scale.LINEAR);
        assertThat(s.argb(0f)).isEqualTo(0xFFFFFFFF);
        int neg = s.argb(-2f);
        int pos = s.argb(2f);
        assertThat(neg & 0xFF).isGreaterThan((neg >> 16) & 0xFF);
        assertThat((pos >> 16) & 0xFF).isGreaterThan(pos & 0xFF);
        assertThat(s.argb(-1f)).isNotEqualTo(s.argb(1f));
    }

    @Test
    void nanAndMaskedCellsHaveColoursNoMapUsesAndMaskedIsNotTheColourOfZero() {
        ColourScale weights = ColourScale.forKind(ValueKind.WEIGHT, 1, Scale.LINEAR);
        ColourScale signed = ColourScale.forKind(ValueKind.SIGNED, 1, Scale.LINEAR);
        assertThat(weights.argb(Float.NaN)).isEqualTo(ColourScale.NAN);
        for (ColourScale s : new ColourScale[] {weights, signed}) {
            for (int i = 0; i <= 100; i++) {
                int c = s.map().argb(i / 100.0);
                assertThat(c).isNotEqualTo(ColourScale.NAN).isNotEqualTo(ColourScale.MASKED_LIGHT)
                        .isNotEqualTo(ColourScale.MASKED_DARK);
            }
        }
    }

    @Test
    void linearScalePutsTheMiddleValueInTheMiddleAndClampsOutsideTheRange() {
        ColourScale s = ColourScale.linear(ColourMap.GREY, 0, 0.5);
        assertThat(s.position(0.25)).isCloseTo(0.5, offset(1e-12));
        assertThat(s.position(2)).isEqualTo(1);
        assertThat(s.position(-1)).isEqualTo(0);
        assertThat(s.argb(0.25f)).isEqualTo(0xFF808080);
    }

    @Test
    void logScaleGivesEachDecadeTheSameShareOfColours() {
        ColourScale s = ColourScale.forKind(ValueKind.WEIGHT, 1, Scale.LOG);
        assertThat(s.position(1e-4)).isCloseTo(0, offset(1e-12));
        assertThat(s.position(1e-2)).isCloseTo(0.5, offset(1e-12));
        assertThat(s.position(1e-3)).isCloseTo(0.25, offset(1e-12));
        assertThat(s.position(0)).isEqualTo(0);
        assertThat(s.valueAt(0.75)).isCloseTo(0.1, offset(1e-12));
    }

    @Test
    void symlogIsSymmetricAroundZeroAndLinearInsideItsThreshold() {
        ColourScale s = new ColourScale(ColourMap.BLUE_WHITE_RED, Scale.SYMLOG, -100, 100, 1);
        assertThat(s.position(0)).isCloseTo(0.5, offset(1e-12));
        assertThat(s.position(-10) + s.position(10)).isCloseTo(1, offset(1e-12));
        // log10(1 + 100) spans half the bar; log10(1 + 9) = 1 of it, so 9 sits at 0.5 + 0.5 / log10(101)
        assertThat(s.position(9)).isCloseTo(0.5 + 0.5 / Math.log10(101), offset(1e-12));
        assertThat(s.valueAt(s.position(37))).isCloseTo(37, offset(1e-9));
    }

    @Test
    void theFastLookupColoursEveryScaleLikeTheScaleItself() {
        ColourScale[] scales = {ColourScale.forKind(ValueKind.WEIGHT, 0.8, Scale.LINEAR),
            ColourScale.forKind(ValueKind.WEIGHT, 0.8, Scale.LOG), ColourScale.forKind(ValueKind.SIGNED, 3, Scale.SYMLOG)};
        for (ColourScale s : scales) {
            ColourLookup fast = new ColourLookup(s);
            for (float v = -4f; v <= 4f; v += 0.013f) {
                assertThat(fast.argb(v)).as(s.scale() + " at " + v).isEqualTo(s.argb(v));
            }
        }
    }

    @Test
    void aLogScaleWithoutAPositiveMinimumIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new ColourScale(ColourMap.VIRIDIS, Scale.LOG, 0, 1, 1))
                .hasMessageContaining("log scale needs a positive minimum");
    }

    @Test
    void ticksAreRoundNumbersAndDecades() {
        assertThat(Ticks.linear(0, 1, 5)).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        assertThat(Ticks.of(ColourScale.forKind(ValueKind.WEIGHT, 1, Scale.LOG), 5))
                .containsExactly(1e-4, 1e-3, 1e-2, 1e-1, 1.0);
        assertThat(Ticks.of(ColourScale.forKind(ValueKind.SIGNED, 10, Scale.SYMLOG), 5)).contains(-10.0, 0.0, 10.0);
        assertThat(Ticks.format(0.25)).isEqualTo("0.25");
        assertThat(Ticks.format(1e-5)).isEqualTo("1.0e-05");
    }

    private static double luminance(int argb) {
        return 0.2126 * ((argb >> 16) & 255) + 0.7152 * ((argb >> 8) & 255) + 0.0722 * (argb & 255);
    }
}
