package org.mtalens.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.checkpoint.CheckpointFormat;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.RunRequest;
import org.mtalens.runtime.model.PassProgress;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.TraceRequest;
import org.mtalens.runtime.testing.Fixtures;

class AttentionChangeTest {
    private static final double LN2 = Math.log(2);
    /** Two tokens; query 1's scores are equal, so its plain softmax is [0.5, 0.5]. Query 0 sees only itself. */
    private static final AttentionMap EVEN_SCORES = scores(0f, 0f, 0f, 0f);

    private static AttentionMap scores(float... values) {
        return new AttentionMap(0, Stage.SCORES, 0, (int) Math.sqrt(values.length), values);
    }

    private static AttentionMap fin(float... values) {
        return new AttentionMap(0, Stage.FINAL, 0, (int) Math.sqrt(values.length), values);
    }

    @Test
    void aFinalMapEqualToThePlainSoftmaxHasDivergenceZero() {
        // query 1: scores [0, ln 3] -> softmax [1/4, 3/4]
        HeadChange change = AttentionChange.of(scores(0f, 0f, 0f, (float) Math.log(3)), fin(1f, 0f, 0.25f, 0.75f));
        assertThat(change.meanDivergence()).isCloseTo(0, within(1e-7));
        assertThat(change.clippedMass()).isZero();
        assertThat(change.emptyRows()).isZero();
    }

    @Test
    void disjointOneHotRowsAreLn2Apart() {
        assertThat(JensenShannon.divergence(new double[] {1, 0}, new double[] {0, 1})).isCloseTo(LN2, within(1e-12));
        // query 1 moves all weight from key 0 (plain, scores 100 vs 0) to key 1; query 0 is unchanged
        HeadChange change = AttentionChange.of(scores(0f, 0f, 100f, 0f), fin(1f, 0f, 0f, 1f));
        assertThat(change.meanDivergence()).isCloseTo(LN2 / 2, within(1e-9));
    }

    @Test
    void halfAndHalfAgainstOneHotIsThreeQuartersOfLnFourThirds() {
        // m = [3/4, 1/4]; KL(p||m) = ln(4/3)/2, KL(q||m) = ln(4/3); JS = 3/4 ln(4/3), averaged with query 0's 0
        HeadChange change = AttentionChange.of(EVEN_SCORES, fin(1f, 0f, 1f, 0f));
        assertThat(change.meanDivergence()).isCloseTo(0.375 * Math.log(4.0 / 3), within(1e-9));
    }

    @Test
    void negativeFinalWeightsAreClippedAndTheClippedMassIsReported() {
        // query 1: [1.2, -0.2] -> clipped [1.2, 0] -> renormalised [1, 0]; 0.2 of 1.4 absolute mass clipped
        HeadChange change = AttentionChange.of(EVEN_SCORES, fin(1f, 0f, 1.2f, -0.2f));
        assertThat(change.meanDivergence()).isCloseTo(0.375 * Math.log(4.0 / 3), within(1e-7));
        assertThat(change.clippedMass()).isCloseTo((0 + 0.2 / 1.4) / 2, within(1e-7));
    }

    @Test
    void aRowWithoutPositiveWeightIsLeftOutAndCounted() {
        HeadChange change = AttentionChange.of(EVEN_SCORES, fin(1f, 0f, 0f, -0.1f));
        assertThat(change.emptyRows()).isEqualTo(1);
        assertThat(change.meanDivergence()).isCloseTo(0, within(1e-12));
        assertThat(AttentionChange.of(EVEN_SCORES, fin(0f, 0f, 0f, 0f)).meanDivergence()).isNaN();
    }

    @Test
    void cellsAreRankedByTheLargestMoveOfWeightEitherWay() {
        // plain query 1 = [0.5, 0.5]; final [0.8, 0.1]: key 1 lost 0.4, key 0 gained 0.3; query 0 unchanged
        List<CellChange> cells = AttentionChange.rankedCells(EVEN_SCORES, fin(1f, 0f, 0.8f, 0.1f), 2);
        assertThat(cells).extracting(CellChange::query, CellChange::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(1, 0));
        assertThat(cells.get(0).difference()).isCloseTo(-0.4f, within(1e-6f));
        assertThat(cells.get(1).difference()).isCloseTo(0.3f, within(1e-6f));
        assertThat(AttentionChange.rankedCells(EVEN_SCORES, fin(1f, 0f, 0.8f, 0.1f), 10)).as("only causal cells").hasSize(3);
    }

    /** tiny-plain-gqa: layer 0 is plain attention, layer 1 runs a trained pre-softmax convolution. */
    @Test
    void onAFixturePlainLayersAreUnchangedAndTheMtaLayerIsChanged() {
        RunResult result;
        try (ModelRunner runner = ModelRunner.load(CheckpointLoader.load(Fixtures.folder("tiny-plain-gqa"),
                CheckpointFormat.SAFETENSORS), Device.cpu())) {
            result = runner.run(RunRequest.of(Fixtures.tokens("tiny-plain-gqa")));
        }
        List<HeadChange> changes = AttentionChange.perHead(result);
        assertThat(changes).hasSize(8);
        for (HeadChange change : changes) {
            assertThat(change.meanDivergence()).isBetween(0.0, LN2);
            assertThat(change.clippedMass()).as("no post-softmax stage, so no negative weight").isZero();
            if (change.layer() == 0) {
                assertThat(change.meanDivergence()).as("plain head %d", change.head()).isLessThan(1e-6);
            }
        }
        assertThat(changes.stream().filter(c -> c.layer() == 1).mapToDouble(HeadChange::meanDivergence).max().orElseThrow())
                .isGreaterThan(1e-3);
    }

    @Test
    void streamedFromATraceEachLayerGivesTheSameFiguresAsTheWholeMaps() {
        System.setProperty("mtalens.blockRows", "5"); // rows arrive in several blocks
        try (ModelRunner runner = ModelRunner.load(CheckpointLoader.load(Fixtures.folder("tiny"),
                CheckpointFormat.SAFETENSORS), Device.cpu())) {
            int[] tokens = Fixtures.tokens("tiny");
            List<HeadChange> whole = AttentionChange.perHead(runner.run(RunRequest.of(tokens)));
            Trace trace = runner.trace(TraceRequest.of(tokens), PassProgress.NONE);
            List<HeadChange> streamed = new java.util.ArrayList<>();
            for (int layer = 0; layer < 2; layer++) {
                streamed.addAll(AttentionChange.perHead(trace, layer, () -> false));
            }
            assertThat(streamed).hasSameSizeAs(whole);
            for (int i = 0; i < whole.size(); i++) {
                assertThat(streamed.get(i).layer()).isEqualTo(whole.get(i).layer());
                assertThat(streamed.get(i).head()).isEqualTo(whole.get(i).head());
                assertThat(streamed.get(i).meanDivergence()).isCloseTo(whole.get(i).meanDivergence(), within(1e-9));
                assertThat(streamed.get(i).clippedMass()).isCloseTo(whole.get(i).clippedMass(), within(1e-9));
                assertThat(streamed.get(i).emptyRows()).isEqualTo(whole.get(i).emptyRows());
            }
        } finally {
            System.clearProperty("mtalens.blockRows");
        }
    }
}
