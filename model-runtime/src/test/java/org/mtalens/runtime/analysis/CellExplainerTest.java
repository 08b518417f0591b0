package org.mtalens.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.RunRequest;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.runtime.testing.Fixtures;

class CellExplainerTest {
    @ParameterizedTest(name = "{0} layer {1} {2}")
    @CsvSource({"tiny,1,pre_sm_conv", "tiny,1,post_sm_conv", "tiny,1,pre_sm_head_mix", "tiny,0,pre_sm_head_mix",
            "tiny,1,post_sm_head_conv", "tiny-linear-heads,0,post_sm_head_mix", "tiny-linear-heads,1,pre_sm_conv",
            "tiny-plain-gqa,1,pre_sm_conv"})
    void contributionsSumToTheCellForEveryPastCellAndHead(String fixture, int layer, String stageId) {
        Checkpoint checkpoint = CheckpointLoader.load(Fixtures.folder(fixture));
        Stage stage = Stage.fromId(stageId);
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunResult result = runner.run(RunRequest.of(Fixtures.tokens(fixture)));
            CellExplainer explainer = new CellExplainer(checkpoint, result);
            int t = result.length();
            int explained = 0;
            for (int head = 0; head < checkpoint.config().nHeads(); head++) {
                for (int q = 0; q < t; q += 3) {
                    for (int k = 0; k <= q; k += 2) {
                        CellExplanation e = explainer.explain(layer, stage, head, q, k).orElseThrow();
                        assertThat(e.sum()).as("head %d cell (%d,%d)", head, q, k).isCloseTo(e.value(), within(1e-5));
                        assertThat(Math.abs(e.contributions().get(0).value()))
                                .isGreaterThanOrEqualTo(Math.abs(e.contributions().get(e.contributions().size() - 1).value()));
                        explained++;
                    }
                }
            }
            assertThat(explained).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"scores", "softmax", "final"})
    void stagesThatMixNothingHaveNoExplanation(String stageId) {
        Checkpoint checkpoint = CheckpointLoader.load(Fixtures.folder("tiny"));
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunResult result = runner.run(RunRequest.of(1, 2, 3));
            assertThat(new CellExplainer(checkpoint, result).explain(1, Stage.fromId(stageId), 0, 2, 1)).isEmpty();
        }
    }
}
