package org.mtalens.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.RunResult;

class MapDifferenceTest {
    private static AttentionMap map(Stage stage, float... values) {
        return new AttentionMap(0, stage, 1, 2, values);
    }

    private static RunResult run(AttentionMap... maps) {
        return new RunResult(new int[] {4, 5}, new float[] {0, 0, 0, 0}, 2, List.of(maps), Map.of(), "cpu", 0);
    }

    @Test
    void theDifferenceIsTheChangedMapMinusTheReferenceCellByCell() {
        MapDifference d = MapDifference.between(map(Stage.SOFTMAX, 1, 0, 0.25f, 0.75f), map(Stage.SOFTMAX, 1, 0, 0.5f, 0.5f));
        assertThat(d.values()).containsExactly(0f, 0f, 0.25f, -0.25f);
        assertThat(d.maxAbs()).isEqualTo(0.25f);
    }

    @Test
    void equalMapsDifferByNothing() {
        MapDifference d = MapDifference.between(map(Stage.FINAL, 1, 0, 0.3f, 0.7f), map(Stage.FINAL, 1, 0, 0.3f, 0.7f));
        assertThat(d.maxAbs()).isZero();
    }

    @Test
    void aStageTheChangedRunSkippedIsComparedAtFinalInstead() {
        RunResult intact = run(map(Stage.PRE_SM_CONV, 2, 0, 1, 3), map(Stage.FINAL, 1, 0, 0.2f, 0.8f));
        RunResult ablated = run(map(Stage.FINAL, 1, 0, 0.6f, 0.4f));
        MapDifference d = MapDifference.of(intact, ablated, 0, Stage.PRE_SM_CONV, 1).orElseThrow();
        assertThat(d.stage()).isEqualTo(Stage.FINAL);
        assertThat(d.values()[2]).isCloseTo(0.4f, org.assertj.core.api.Assertions.within(1e-6f));
    }

    @Test
    void aHeadNeitherRunCapturedHasNoDifference() {
        assertThat(MapDifference.of(run(), run(), 0, Stage.FINAL, 1)).isEmpty();
    }
}
