package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointFormat;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.export.NpyArray;
import org.mtalens.runtime.testing.Fixtures;

/** Every map, logit and activation the official code computed, within 1e-4. */
class OfficialReferenceTest {
    private static final double TOLERANCE = 1e-4;

    static Stream<Arguments> fixturesInBothLayouts() {
        return Fixtures.NAMES.stream().flatMap(name -> Stream.of(CheckpointFormat.values()).map(f -> Arguments.of(name, f)));
    }

    static Checkpoint safetensors(String name) {
        return CheckpointLoader.load(Fixtures.folder(name), CheckpointFormat.SAFETENSORS);
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("fixturesInBothLayouts")
    void everyStageMapLogitAndActivationMatchesTheOfficialCode(String name, CheckpointFormat format) {
        Map<String, NpyArray> reference = Fixtures.reference(name);
        int[] tokens = Fixtures.tokens(name);
        Checkpoint checkpoint = CheckpointLoader.load(Fixtures.folder(name), format);
        assertThat(checkpoint.format()).isEqualTo(format);
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunResult result = runner.run(new RunRequest(tokens, CaptureSelection.all(), true));
            int compared = 0;
            for (NpyArray expected : reference.values()) {
                if (expected.isInteger()) {
                    continue; // tokens, and the harness's own bookkeeping flags
                }
                float[] actual = actual(result, expected.name());
                assertClose(expected.name(), actual, expected.floats());
                compared++;
            }
            assertThat(compared).isEqualTo(reference.values().stream().filter(a -> !a.isInteger()).count());
        }
    }

    private static float[] actual(RunResult result, String name) {
        if (name.equals("logits")) {
            return result.logits();
        }
        if (result.activations().containsKey(name)) {
            return result.activations().get(name).floats();
        }
        int layer = Integer.parseInt(name.substring(5, name.indexOf('/')));
        Stage stage = Stage.fromId(name.substring(name.indexOf('/') + 1));
        int heads = (int) result.maps().stream().filter(m -> m.layer() == layer && m.stage() == stage).count();
        assertThat(heads).as("heads captured for %s", name).isPositive();
        int cells = result.length() * result.length();
        float[] all = new float[heads * cells];
        for (int h = 0; h < heads; h++) {
            System.arraycopy(result.map(layer, stage, h).orElseThrow().values(), 0, all, h * cells, cells);
        }
        return all;
    }

    private static void assertClose(String name, float[] actual, float[] expected) {
        assertThat(actual.length).as("%s length", name).isEqualTo(expected.length);
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(actual[i] - expected[i]);
            if (!(diff <= worst)) {
                worst = diff;
                worstAt = i;
            }
        }
        assertThat(worst).as("%s: largest difference at flat index %d (got %s, expected %s)", name, worstAt,
                worstAt < 0 ? "" : actual[worstAt], worstAt < 0 ? "" : expected[worstAt]).isLessThanOrEqualTo(TOLERANCE);
    }
}
