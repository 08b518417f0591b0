package org.mtalens.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class MemoryBenchmarkTest {
    @Test
    void aPassCapturingOneMtaLayerKeepsEveryStageOfEveryHeadAndReportsItsMemory() {
        MemoryBenchmark.Result r = new MemoryBenchmark(Device.cpu()).run(16, 2);

        assertThat(r.refusalMessage()).isNull();
        // layer 2: scores, pre_sm_conv, softmax, post_sm_conv, post_sm_head_conv, final; 16 heads
        assertThat(r.maps()).isEqualTo(6 * 16);
        assertThat(r.captureBytes()).as("the causal triangles: 16 * 17 / 2 values a map").isEqualTo(6L * 16 * (16 * 17 / 2) * Float.BYTES);
        assertThat(r.budgetBytes()).isEqualTo((long) (Runtime.getRuntime().maxMemory() * 0.4));
        assertThat(r.peakRssBytes()).isGreaterThan(r.captureBytes());
    }
}
