package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.testing.Fixtures;

class ForwardInvariantsTest {
    private static final int[] TOKENS = Fixtures.tokens("tiny");

    @Test
    void capturingMapsNeverChangesTheLogits() {
        try (ModelRunner runner = ModelRunner.load(OfficialReferenceTest.safetensors("tiny"), Device.cpu())) {
            RunResult captured = runner.run(new RunRequest(TOKENS, CaptureSelection.all(), true));
            RunResult bare = runner.run(new RunRequest(TOKENS, CaptureSelection.none(), false));
            assertThat(bare.maps()).isEmpty();
            assertThat(captured.maps()).isNotEmpty();
            assertThat(bare.logits()).containsExactly(captured.logits());
        }
    }

    @Test
    void softmaxRowsSumToOneAndFutureKeysAreZeroInEveryMap() {
        try (ModelRunner runner = ModelRunner.load(OfficialReferenceTest.safetensors("tiny"), Device.cpu())) {
            RunResult result = runner.run(RunRequest.of(TOKENS));
            int t = result.length();
            for (AttentionMap map : result.maps()) {
                for (int q = 0; q < t; q++) {
                    double row = 0;
                    for (int k = 0; k < t; k++) {
                        row += map.value(q, k);
                        if (k > q) {
                            assertThat(map.value(q, k)).as("%s future cell", map.stage()).isZero();
                        }
                    }
                    if (map.stage() == Stage.SOFTMAX) {
                        assertThat(row).as("layer %d head %d row %d", map.layer(), map.head(), q).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
                    }
                }
            }
        }
    }

    @Test
    void identityKernelsAndIdentityHeadMixingGiveThePlainAttentionMaps() {
        Checkpoint original = OfficialReferenceTest.safetensors("tiny");
        Checkpoint identity = withIdentityMta(original);
        Checkpoint plain = new Checkpoint(original.source(), original.format(), original.config().withoutMta(),
                original.tensors(), List.of());
        try (ModelRunner mta = ModelRunner.load(identity, Device.cpu());
             ModelRunner baseline = ModelRunner.load(plain, Device.cpu())) {
            RunResult a = mta.run(RunRequest.of(TOKENS));
            RunResult b = baseline.run(RunRequest.of(TOKENS));
            for (int layer = 0; layer < 2; layer++) {
                for (int head = 0; head < 4; head++) {
                    float[] expected = b.map(layer, Stage.FINAL, head).orElseThrow().values();
                    assertThat(a.map(layer, Stage.FINAL, head).orElseThrow().values())
                            .containsExactly(expected, org.assertj.core.data.Offset.offset(1e-6f));
                }
            }
            assertThat(a.logits()).containsExactly(b.logits(), org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void aRequestBeyondTheMemoryBudgetIsRefusedWithWhatItNeeds() {
        try (ModelRunner runner = ModelRunner.load(OfficialReferenceTest.safetensors("tiny"), Device.cpu())) {
            runner.setBudget(new MemoryBudget(10_000));
            assertThatThrownBy(() -> runner.run(RunRequest.of(TOKENS)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("needs")
                    .satisfies(e -> assertThat(((InvalidInputException) e).commandLineMessage()).contains("--layers"));
            RunResult narrow = runner.run(new RunRequest(TOKENS,
                    CaptureSelection.of(Set.of(1), Set.of(Stage.FINAL), Set.of(0)), false));
            assertThat(narrow.maps()).hasSize(1);
        }
    }

    @Test
    void tokensOutsideTheVocabularyAnEmptyInputOrOneBeyondMaxSeqlenAreNamed() {
        try (ModelRunner runner = ModelRunner.load(OfficialReferenceTest.safetensors("tiny"), Device.cpu())) {
            assertThatThrownBy(() -> runner.run(RunRequest.of(3, 99))).hasMessageContaining("the token at position 1 (99)");
            assertThatThrownBy(() -> runner.run(RunRequest.of())).hasMessageContaining("empty");
            assertThatThrownBy(() -> runner.run(RunRequest.of(new int[65]))).hasMessageContaining("max_seqlen 64");
        }
    }

    @Test
    void greedyGenerationAppendsTheMostLikelyTokenOfEachFullPass() {
        try (ModelRunner runner = ModelRunner.load(OfficialReferenceTest.safetensors("tiny"), Device.cpu())) {
            int[] prompt = {3, 17, 5, 29};
            int[] generated = runner.generate(prompt, 3);
            assertThat(generated).startsWith(prompt).hasSize(7);
            for (int i = prompt.length; i < generated.length; i++) {
                int[] prefix = java.util.Arrays.copyOf(generated, i);
                assertThat(generated[i]).isEqualTo(runner.run(new RunRequest(prefix, CaptureSelection.none(), false)).greedyNextToken());
            }
        }
    }

    /** The checkpoint with every MTA kernel at the official identity initialisation. */
    private static Checkpoint withIdentityMta(Checkpoint checkpoint) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(checkpoint.tensors());
        for (Tensor t : checkpoint.tensors().values()) {
            long[] s = t.shape();
            float[] v = new float[(int) t.elementCount()];
            if (t.name().endsWith("mta_kernel") || t.name().endsWith("mta_kernel_after_sm")) {
                int cq = (int) s[2];
                int ck = (int) s[3];
                for (int h = 0; h < s[0]; h++) {
                    v[h * cq * ck + (cq - 1) * ck + ck / 2] = 1f;
                }
            } else if (t.name().endsWith("head_kernel")) {
                int c = (int) s[1];
                for (int g = 0; g < s[0]; g++) {
                    for (int i = 0; i < c; i++) {
                        v[g * c * c + i * c + i] = 1f;
                    }
                }
            } else if (t.name().endsWith("wpsm.weight") || t.name().endsWith("wposm.weight")) {
                for (int i = 0; i < s[0]; i++) {
                    v[(int) (i * s[0] + i)] = 1f;
                }
            } else {
                continue;
            }
            ByteBuffer bytes = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(v);
            tensors.put(t.name(), new Tensor(t.name(), s, DType.F32, bytes));
        }
        return new Checkpoint(checkpoint.source(), checkpoint.format(), checkpoint.config(), tensors, List.of());
    }

    @Test
    void aCancelledRunStopsAndTheModelStaysUsable() {
        try (ModelRunner runner = ModelRunner.load(OfficialReferenceTest.safetensors("tiny"), Device.cpu())) {
            int[] layersStarted = {0};
            assertThatThrownBy(() -> runner.run(RunRequest.of(TOKENS), () -> layersStarted[0]++ >= 1))
                    .isInstanceOf(java.util.concurrent.CancellationException.class).hasMessageContaining("layer 1");
            assertThat(runner.run(RunRequest.of(TOKENS)).maps()).isNotEmpty();
        }
        assertThatThrownBy(() -> ModelRunner.load(OfficialReferenceTest.safetensors("tiny"), Device.cpu(), () -> true))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
