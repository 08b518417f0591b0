package org.mtalens.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.model.RunResult;

class NextTokenShiftTest {
    private static RunResult run(float... logits) {
        return new RunResult(new int[] {0}, logits, logits.length, List.of(), Map.of(), "cpu", 0);
    }

    @Test
    void identicalDistributionsHaveNoDivergence() {
        assertThat(NextTokenShift.klDivergence(run(1, 2, 3), run(1, 2, 3), 0)).isCloseTo(0, within(1e-12));
    }

    @Test
    void aHandComputedShiftMatches() {
        // p = softmax(0, ln 3) = (1/4, 3/4); q = (1/2, 1/2): KL = 1/4 ln(1/2) + 3/4 ln(3/2)
        double expected = 0.25 * Math.log(0.5) + 0.75 * Math.log(1.5);
        assertThat(NextTokenShift.klDivergence(run(0f, (float) Math.log(3)), run(0f, 0f), 0)).isCloseTo(expected, within(1e-6));
    }
}
