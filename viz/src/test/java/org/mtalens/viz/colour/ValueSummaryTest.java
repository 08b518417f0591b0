package org.mtalens.viz.colour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.ValueKind;

class ValueSummaryTest {
    @Test
    void maskedFutureCellsAreNotValuesAndNanIsCountedApart() {
        float[] v = {0.5f, 99f, 99f, -0.25f, 0.75f, 99f, Float.NaN, 0.1f, 0.2f};
        var labels = Collections.nCopies(3, "x");
        ValueSummary s = ValueSummary.of(new Matrix("m", 3, 3, v, labels, labels, ValueKind.WEIGHT, true));

        assertThat(s.count()).isEqualTo(5);
        assertThat(s.nans()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(0.75);
        assertThat(s.min()).isEqualTo(-0.25);
        assertThat(s.negatives()).isEqualTo(1);
        assertThat(s.absMax()).isEqualTo(0.75);
    }

    @Test
    void percentilesOfMagnitudeAreWithinOneBinOfTheExactValueAndNeverBelowIt() {
        Random random = new Random(11);
        float[] v = new float[10_000];
        ValueSummary s = ValueSummary.empty();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * Math.exp(random.nextGaussian()));
            s.add(v[i]);
        }
        float[] magnitudes = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            magnitudes[i] = Math.abs(v[i]);
        }
        Arrays.sort(magnitudes);
        for (double p : new double[] {0.5, 0.9, 0.99, 0.999}) {
            double exact = magnitudes[(int) Math.ceil(p * v.length) - 1];
            double estimate = s.absPercentile(p);
            assertThat(estimate).as("p=" + p).isGreaterThanOrEqualTo(exact).isLessThanOrEqualTo(exact * (1 + 1 / 32.0));
            long beyond = 0;
            for (float m : v) {
                beyond += Math.abs(m) > estimate ? 1 : 0;
            }
            assertThat(s.countAbove(estimate) + s.countBelow(-estimate)).isEqualTo(beyond);
        }
        assertThat(s.absPercentile(1)).isEqualTo(magnitudes[v.length - 1], org.assertj.core.data.Offset.offset(0.0));
    }

    @Test
    void anEmptySummaryHasNoRange() {
        ValueSummary s = ValueSummary.empty();
        assertThat(s.min()).isNaN();
        assertThat(s.max()).isNaN();
        assertThat(s.absMax()).isZero();
        assertThat(s.absPercentile(0.99)).isZero();
        assertThat(ColourScales.choose(ScaleSpec.PER_MAP, s).max()).isEqualTo(1);
    }
}
