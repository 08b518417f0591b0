package org.mtalens.viz.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageLinesTest {
    private static final StageSeries SCORES = new StageSeries("scores", StageSeries.Kind.LOGIT, new float[] {2f, 0f, -1f});
    private static final StageSeries FINAL = new StageSeries("final", StageSeries.Kind.WEIGHT, new float[] {0.7f, -0.1f, 0.4f});

    @Test
    void withTwoAxesLogitsReadLeftAndWeightsRightAsTheyAre() {
        List<StageLines.Line> lines = StageLines.lines(List.of(SCORES, FINAL), LineAxes.TWO_AXES);
        assertThat(lines.get(0).rightAxis()).isFalse();
        assertThat(lines.get(0).values()).containsExactly(2f, 0f, -1f);
        assertThat(lines.get(1).rightAxis()).isTrue();
        assertThat(StageLines.range(lines, false)).containsExactly(-1, 2);
        assertThat(StageLines.range(lines, true)[0]).isCloseTo(-0.1, offset(1e-7));
    }

    @Test
    void onOneWeightAxisLogitsBecomeTheirSoftmaxOverTheQuerysKeys() {
        List<StageSeries> series = List.of(SCORES, FINAL);
        List<StageLines.Line> lines = StageLines.lines(series, LineAxes.SOFTMAX_OF_LOGITS);
        assertThat(lines).allMatch(StageLines.Line::rightAxis);
        assertThat(lines.get(0).label()).isEqualTo("softmax(scores)");
        double z = Math.exp(2) + 1 + Math.exp(-1);
        assertThat(lines.get(0).values()[0]).isCloseTo((float) (Math.exp(2) / z), offset(1e-6f));
        float sum = 0;
        for (float v : lines.get(0).values()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1f, offset(1e-6f));
    }

    @Test
    void aOneKeySpikeAmong4096KeysReachesItsHeightIn600Pixels() {
        float[] row = new float[4096];
        java.util.Arrays.fill(row, 0.0002f);
        row[3001] = 0.93f;
        row[17] = -0.2f;
        float[] env = StageLines.envelope(row, 600);
        int pixel = 3001 * 600 / 4096;
        assertThat(env[2 * pixel + 1]).isEqualTo(0.93f);
        assertThat(env[2 * (17 * 600 / 4096)]).isEqualTo(-0.2f);
        assertThat(env[2 * 300 + 1]).isEqualTo(0.0002f);
        assertThat(StageLines.keyAt(pixel + 0.5, 600, 4096)).isBetween(3001 - 7, 3001 + 7);
    }
}
