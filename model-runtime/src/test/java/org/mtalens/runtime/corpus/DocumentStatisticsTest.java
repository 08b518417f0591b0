package org.mtalens.runtime.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.analysis.AttentionChange;
import org.mtalens.runtime.analysis.HeadChange;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.export.NpyArray;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.PassProgress;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.TraceRequest;
import org.mtalens.runtime.testing.Fixtures;

/** The statistics of the official fixture's input, against its reference maps (MTA on layer 1, post-softmax steps). */
class DocumentStatisticsTest {
    @Test
    void theFixturesStatisticsMatchItsReferenceMapsAndTheMtaChangeTab() {
        int[] tokens = Fixtures.tokens("tiny");
        Map<String, NpyArray> reference = Fixtures.reference("tiny");
        try (ModelRunner runner = ModelRunner.load(CheckpointLoader.load(Fixtures.folder("tiny")), Device.cpu())) {
            Trace trace = runner.trace(TraceRequest.of(tokens), PassProgress.NONE);
            List<String> labels = Collections.nCopies(tokens.length, "t");
            DocumentStatistics document = DocumentStatistics.of(trace, "doc", labels, Optional.empty(), 3, () -> false);
            assertThat(document.heads()).hasSize(2 * 4);
            assertThat(document.cells()).hasSize(2 * 4 * 3);
            List<HeadChange> tab = AttentionChange.perHead(trace, 1, () -> false);
            int t = tokens.length;
            float[] fin = reference.get("layer1/final").floats();
            float[] softmax = reference.get("layer1/softmax").floats();
            for (int head = 0; head < 4; head++) {
                HeadStatistics s = document.heads().get(4 + head);
                assertThat(s.mtaChange()).isCloseTo(tab.get(head).meanDivergence(), within(1e-9));
                double sink = 0;
                double negative = 0;
                double absolute = 0;
                double entropy = 0;
                for (int q = 0; q < t; q++) {
                    for (int k = 0; k <= q; k++) {
                        float w = fin[(head * t + q) * t + k];
                        negative += Math.max(0, -w);
                        absolute += Math.abs(w);
                        float p = softmax[(head * t + q) * t + k];
                        entropy -= p > 0 ? p * Math.log(p) : 0;
                    }
                    sink += q > 0 ? fin[(head * t + q) * t] : 0;
                }
                assertThat(s.sinkMass()).as("head %d", head).isCloseTo(sink / (t - 1), within(1e-4));
                assertThat(s.negativeShare()).as("head %d", head).isCloseTo(negative / absolute, within(1e-4));
                assertThat(s.softmaxEntropy()).as("head %d", head).isCloseTo(entropy / t, within(1e-4));
            }
            assertThat(document.heads().stream().mapToDouble(HeadStatistics::negativeShare).max().orElseThrow())
                    .as("layer 1's post-softmax convolution leaves some weight negative").isPositive();
        }
    }
}
