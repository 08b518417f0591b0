package org.mtalens.viz.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SparklinePointsTest {
    @Test
    void pointsSpreadAcrossTheWidthWithZeroAtTheBottomAndTheLargestValueAtTheTop() {
        double[] xy = SparklinePoints.layout(new double[] {0, 0.5, 1}, 100, 20, 2);
        assertThat(xy).containsExactly(new double[] {2, 18, 50, 10, 98, 2}, within(1e-9));
    }

    @Test
    void aSeriesThatNeverMovedLiesOnTheBottomLine() {
        double[] xy = SparklinePoints.layout(new double[] {0, 0, 0}, 60, 20, 3);
        assertThat(new double[] {xy[1], xy[3], xy[5]}).containsOnly(17.0);
    }

    @Test
    void aMissingValueLeavesAGapAndDoesNotChangeTheScale() {
        double[] xy = SparklinePoints.layout(new double[] {2, Double.NaN, 1}, 100, 22, 1);
        assertThat(xy[2]).isNaN();
        assertThat(xy[3]).isNaN();
        assertThat(xy[1]).isCloseTo(1, within(1e-9));
        assertThat(xy[5]).isCloseTo(11, within(1e-9));
    }

    @Test
    void rowsSharingAScaleKeepTheirSizes() {
        double[] small = SparklinePoints.layout(new double[] {0, 1}, 100, 20, 0, 2);
        double[] large = SparklinePoints.layout(new double[] {0, 2}, 100, 20, 0, 2);
        assertThat(small[3]).isEqualTo(10);
        assertThat(large[3]).isEqualTo(0);
    }

    @Test
    void oneValueSitsInTheMiddle() {
        assertThat(SparklinePoints.layout(new double[] {3}, 40, 10, 0)[0]).isEqualTo(20);
    }
}
