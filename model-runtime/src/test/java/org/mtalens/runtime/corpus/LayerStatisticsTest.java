package org.mtalens.runtime.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.analysis.CellChange;
import org.mtalens.runtime.config.Stage;

/** Tiny maps whose statistics are worked out by hand in the comments. */
class LayerStatisticsTest {
    private static final double LN2 = Math.log(2);

    /** Feeds one head's rows (keys 0..q of each query) in the order a replay does: scores, softmax, final. */
    private static LayerStatistics feed(Optional<TargetBlock> target, int topK, float[][] scores, float[][] softmax, float[][] fin) {
        LayerStatistics statistics = new LayerStatistics(0, target, topK);
        for (int q = 0; q < scores.length; q++) {
            statistics.row(Stage.SCORES, 0, q, scores[q]);
            statistics.row(Stage.SOFTMAX, 0, q, softmax[q]);
            statistics.row(Stage.FINAL, 0, q, fin[q]);
        }
        return statistics;
    }

    /**
     * Two tokens. Plain attention of query 1 = softmax([0, ln 3]) = [1/4, 3/4]; softmax stage [1/2, 1/2]; final
     * [1.2, -0.2] (a post-softmax step made a weight negative), clipped to [1, 0].
     */
    private static LayerStatistics twoTokens(int topK) {
        return feed(Optional.of(new TargetBlock(1, 0, 1)), topK,
                new float[][] {{0f}, {0f, (float) Math.log(3)}},
                new float[][] {{1f}, {0.5f, 0.5f}},
                new float[][] {{1f}, {1.2f, -0.2f}});
    }

    @Test
    void eachStatisticOfATwoTokenHeadIsWhatTheHandCalculationGives() {
        HeadStatistics head = twoTokens(0).heads().get(0);
        // JS([1/4, 3/4], [1, 0]): m = [5/8, 3/8]; KL(p||m) = 1/4 ln(2/5) + 3/4 ln 2; KL(q||m) = ln(8/5); query 0 adds 0
        double js = 0.5 * (0.25 * Math.log(0.4) + 0.75 * LN2 + Math.log(1.6));
        assertThat(head.mtaChange()).isCloseTo(js / 2, within(1e-7));
        assertThat(head.clippedShare()).isCloseTo((0 + 0.2 / 1.4) / 2, within(1e-7));
        assertThat(head.softmaxEntropy()).as("query 0: 0, query 1: ln 2").isCloseTo(LN2 / 2, within(1e-7));
        assertThat(head.finalEntropy()).as("both clipped rows are one-hot").isCloseTo(0, within(1e-7));
        assertThat(head.meanDistance()).as("query 0 at distance 0, query 1 all on key 0 at distance 1").isCloseTo(0.5, within(1e-7));
        assertThat(head.sinkMass()).as("query 1's weight on key 0; query 0 left out").isCloseTo(1.2, within(1e-6));
        assertThat(head.negativeShare()).as("0.2 negative of 1 + 1.4 absolute").isCloseTo(0.2 / 2.4, within(1e-7));
        assertThat(head.targetMass()).as("the block [0, 1) at query 1").isCloseTo(1.2, within(1e-6));
    }

    @Test
    void theTopCellsAreTheLargestMovesOfWeightEitherWay() {
        // query 1: key 0 gained 1.2 - 1/4 = 0.95, key 1 lost 3/4 + 0.2 = 0.95 (a tie: the smaller key first); query 0 moved 0
        assertThat(twoTokens(2).topCells().get(0)).extracting(CellChange::query, CellChange::key)
                .containsExactly(tuple(1, 0), tuple(1, 1));
        assertThat(twoTokens(1).topCells().get(0).get(0).difference()).isCloseTo(0.95f, within(1e-6f));
    }

    @Test
    void aSpreadRowHasItsEntropyAndDistance() {
        // three tokens, final = softmax = plain: query 2 [1/4, 1/4, 1/2]: entropy 1.5 ln 2, distance 2/4 + 1/4 = 3/4;
        // query 1 [1/2, 1/2]: entropy ln 2, distance 1/2; query 0: 0 and 0
        float[][] rows = {{1f}, {0.5f, 0.5f}, {0.25f, 0.25f, 0.5f}};
        float[][] scores = {{0f}, {0f, 0f}, {0f, 0f, (float) LN2}};
        HeadStatistics head = feed(Optional.empty(), 0, scores, rows, rows).heads().get(0);
        assertThat(head.mtaChange()).isCloseTo(0, within(1e-7));
        assertThat(head.softmaxEntropy()).isCloseTo((LN2 + 1.5 * LN2) / 3, within(1e-7));
        assertThat(head.finalEntropy()).isCloseTo((LN2 + 1.5 * LN2) / 3, within(1e-7));
        assertThat(head.meanDistance()).isCloseTo((0.5 + 0.75) / 3, within(1e-7));
        assertThat(head.sinkMass()).isCloseTo((0.5 + 0.25) / 2, within(1e-7));
        assertThat(head.negativeShare()).isZero();
        assertThat(head.targetMass()).as("not a find-the-block input").isNaN();
    }
}
