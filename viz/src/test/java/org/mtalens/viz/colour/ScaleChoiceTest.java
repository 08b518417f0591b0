package org.mtalens.viz.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.ValueKind;

class ScaleChoiceTest {
    private static Matrix map(float... v) {
        int t = (int) Math.round(Math.sqrt(v.length));
        List<String> labels = Collections.nCopies(t, "x");
        return new Matrix("m", t, t, v, labels, labels, ValueKind.WEIGHT, false);
    }

    @Test
    void aPostSoftmaxMapFromMinus0683To0009IsDivergingAroundZeroAndCoversItsMinimum() {
        // the tiny fixture's layer 0 head 0 final map: 89% negative, labelled as weights by the app
        Matrix finalMap = map(-0.683f, -0.2f, -0.05f, 0.009f);
        ColourScale s = ColourScales.forMap(ScaleSpec.PER_MAP, finalMap);

        assertThat(s.map().isDiverging()).isTrue();
        assertThat(s.min()).isLessThanOrEqualTo(-0.683f);
        assertThat(s.max()).isGreaterThanOrEqualTo(0.009);
        assertThat(s.argb(0f)).isEqualTo(0xFFFFFFFF);
        assertThat(s.argb(-0.683f)).isNotEqualTo(s.argb(0f)).isNotEqualTo(s.argb(0.009f));
        assertThat(s.position(-0.683f)).isEqualTo(0);
    }

    @Test
    void equalMagnitudesOfEitherSignGetEquallyStrongColoursOnTheChosenDivergingScale() {
        ColourScale s = ColourScales.forMap(ScaleSpec.PER_MAP, map(-0.683f, 0.1f, 0.2f, 0.009f));
        assertThat(s.position(0.3) - 0.5).isCloseTo(0.5 - s.position(-0.3), offset(1e-12));
    }

    @Test
    void aMapWithNoNegativeValueGetsTheSequentialMapFromZeroToItsMaximum() {
        ColourScale s = ColourScales.forMap(ScaleSpec.PER_MAP, map(0f, 0.1f, 0.25f, 0.6f));
        assertThat(s.map()).isEqualTo(ColourMap.VIRIDIS);
        assertThat(s.min()).isEqualTo(0);
        assertThat(s.max()).isCloseTo(0.6, offset(1e-7));
        assertThat(s.clip()).isFalse();

        ColourScale grey = ColourScales.forMap(ScaleSpec.PER_MAP.withSequential(ColourMap.GREY), map(0f, 0.1f, 0.25f, 0.6f));
        assertThat(grey.map()).isEqualTo(ColourMap.GREY);
    }

    @Test
    void aSharedRangeFromMergedSummariesEqualsTheRangeOfAllTheMapsTogether() {
        Random random = new Random(3);
        List<ValueSummary> heads = new ArrayList<>();
        ValueSummary together = ValueSummary.empty();
        for (int h = 0; h < 6; h++) {
            float[] v = new float[256];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * (h + 1) * 0.1);
                together.add(v[i]);
            }
            heads.add(ValueSummary.of(map(v)));
        }
        ValueSummary merged = ValueSummary.union(heads);

        assertThat(merged.min()).isEqualTo(together.min());
        assertThat(merged.max()).isEqualTo(together.max());
        assertThat(merged.count()).isEqualTo(6 * 256);
        assertThat(merged.absPercentile(0.95)).isEqualTo(together.absPercentile(0.95));
        ColourScale shared = ColourScales.choose(ScaleSpec.SHARED_BY_ALL, merged);
        for (ValueSummary head : heads) {
            assertThat(shared.min()).isLessThanOrEqualTo(head.min());
            assertThat(shared.max()).isGreaterThanOrEqualTo(head.max());
        }
    }

    @Test
    void clippingAtThe90thPercentileDrawsTheTopTenthInTheOverColourAndCountsItExactly() {
        float[] v = new float[400];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i + 1) / 400f; // 0.0025 .. 1
        }
        Matrix m = map(v);
        ScaleSpec spec = ScaleSpec.PER_MAP.withRange(RangeRule.percentile(90));
        ColourScale s = ColourScales.forMap(spec, m);

        assertThat(s.clip()).isTrue();
        assertThat(s.max()).isCloseTo(0.9, offset(0.9 / 64));
        long[] exact = ColourScales.clippedCells(m, s);
        long above = 0;
        for (float x : v) {
            above += x > s.max() ? 1 : 0;
        }
        assertThat(exact).containsExactly(0, above);
        assertThat(above).isBetween(35L, 41L);
        assertThat(ColourScales.clippedCells(ValueSummary.of(m), s)).containsExactly(0, above);
        assertThat(s.argb(1f)).isEqualTo(ColourMap.VIRIDIS.overArgb());
        assertThat(s.argb(0.5f)).isNotEqualTo(ColourMap.VIRIDIS.overArgb());
    }

    @Test
    void aTypedRangeClipsBothEndsAndKeepsZeroWhiteWhenLopsided() {
        Matrix m = map(-0.9f, -0.05f, 0.02f, 0.3f);
        ColourScale s = ColourScales.forMap(ScaleSpec.PER_MAP.withRange(RangeRule.typed(-0.1, 0.2)), m);

        assertThat(s.map().isDiverging()).isTrue();
        assertThat(s.argb(0f)).isEqualTo(0xFFFFFFFF);
        assertThat(s.position(-0.1)).isEqualTo(0);
        assertThat(s.position(0.2)).isEqualTo(1);
        assertThat(s.position(0.1)).isCloseTo(0.75, offset(1e-12));
        assertThat(s.valueAt(0.25)).isCloseTo(-0.05, offset(1e-12));
        assertThat(ColourScales.clippedCells(m, s)).containsExactly(1, 1);
        assertThat(s.argb(-0.9f)).isEqualTo(ColourMap.BLUE_WHITE_RED.underArgb());
        assertThat(s.argb(0.3f)).isEqualTo(ColourMap.BLUE_WHITE_RED.overArgb());
    }

    @Test
    void overAndUnderColoursAreNotColoursOfTheirMap() {
        for (ColourMap map : ColourMap.values()) {
            for (int i = 0; i < ColourMap.SIZE; i++) {
                assertThat(map.entry(i)).as(map + " entry " + i).isNotEqualTo(map.overArgb())
                        .isNotEqualTo(map.underArgb());
            }
            assertThat(map.overArgb()).isNotEqualTo(map.underArgb()).isNotEqualTo(ColourScale.NAN);
        }
    }

    @Test
    void aLogScaleOnSignedDataFallsBackToSymlogSoTheSignStaysVisible() {
        ColourScale s = ColourScales.forMap(ScaleSpec.PER_MAP.withScale(Scale.LOG), map(-0.5f, 0.01f, 0.1f, 0.2f));
        assertThat(s.scale()).isEqualTo(Scale.SYMLOG);
        assertThat(s.map().isDiverging()).isTrue();
    }
}
