package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.testing.Fixtures;

class AblatedRunTest {
    private static final List<AblatedPart> MTA_PARTS = List.of(AblatedPart.PRE_SM_CONV, AblatedPart.POST_SM_CONV,
            AblatedPart.PRE_SM_HEAD_MIX, AblatedPart.POST_SM_HEAD_MIX);

    static List<String> fixtures() {
        return Fixtures.NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void switchingOffEveryMtaPartOfEveryLayerGivesThePlainAttentionModel(String name) {
        Checkpoint original = OfficialReferenceTest.safetensors(name);
        Checkpoint plain = new Checkpoint(original.source(), original.format(), original.config().withoutMta(),
                original.tensors(), List.of());
        ModelConfig config = original.config();
        int[] tokens = Fixtures.tokens(name);
        try (ModelRunner mta = ModelRunner.load(original, Device.cpu());
             ModelRunner baseline = ModelRunner.load(plain, Device.cpu())) {
            RunResult ablated = mta.run(RunRequest.of(tokens).withAblation(everyMtaPart(config)));
            RunResult expected = baseline.run(RunRequest.of(tokens));
            for (int layer = 0; layer < config.nLayers(); layer++) {
                for (int head = 0; head < config.nHeads(); head++) {
                    for (Stage stage : List.of(Stage.SCORES, Stage.SOFTMAX, Stage.FINAL)) {
                        assertThat(ablated.map(layer, stage, head).orElseThrow().values())
                                .as("layer %d head %d %s", layer, head, stage.id())
                                .containsExactly(expected.map(layer, stage, head).orElseThrow().values());
                    }
                    assertThat(ablated.map(layer, Stage.PRE_SM_CONV, head)).as("a skipped stage is not captured").isEmpty();
                }
            }
            assertThat(ablated.logits()).containsExactly(expected.logits(), Offset.offset(1e-5f));
        }
    }

    /**
     * tiny-plain-gqa layer 1 runs only a pre-softmax convolution (no head mixing after it), so one head's
     * identity kernel can change only that head's maps.
     */
    @Test
    void anIdentityKernelForOneHeadChangesOnlyThatHeadsMapsInALayerWithoutHeadMixing() {
        int[] tokens = Fixtures.tokens("tiny-plain-gqa");
        Ablation ablation = Ablation.parse("L1.head2.pre_sm_conv", OfficialReferenceTest.safetensors("tiny-plain-gqa").config());
        try (ModelRunner runner = ModelRunner.load(OfficialReferenceTest.safetensors("tiny-plain-gqa"), Device.cpu())) {
            RunResult intact = runner.run(RunRequest.of(tokens));
            RunResult ablated = runner.run(RunRequest.of(tokens).withAblation(ablation));
            float[] scores = ablated.map(1, Stage.SCORES, 2).orElseThrow().values();
            float[] convolved = ablated.map(1, Stage.PRE_SM_CONV, 2).orElseThrow().values();
            assertThat(convolved).as("the identity kernel passes the scores through").containsExactly(scores, Offset.offset(1e-6f));
            assertThat(convolved).isNotEqualTo(intact.map(1, Stage.PRE_SM_CONV, 2).orElseThrow().values());
            for (int head : List.of(0, 1, 3)) {
                for (Stage stage : List.of(Stage.PRE_SM_CONV, Stage.SOFTMAX, Stage.FINAL)) {
                    assertThat(ablated.map(1, stage, head).orElseThrow().values()).as("head %d %s", head, stage.id())
                            .containsExactly(intact.map(1, stage, head).orElseThrow().values());
                }
            }
        }
    }

    @Test
    void aZeroedHeadHasZeroFinalWeightsAndZeroOutput() {
        int[] tokens = Fixtures.tokens("tiny");
        Checkpoint checkpoint = OfficialReferenceTest.safetensors("tiny");
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunRequest request = new RunRequest(tokens, CaptureSelection.all(), true);
            RunResult intact = runner.run(request);
            RunResult ablated = runner.run(request.withAblation(Ablation.parse("L1.head1", checkpoint.config())));
            for (float weight : ablated.map(1, Stage.FINAL, 1).orElseThrow().values()) {
                assertThat(Math.abs(weight)).isZero(); // 0 times a negative post-conv weight is -0
            }
            assertThat(ablated.map(1, Stage.FINAL, 0).orElseThrow().values())
                    .containsExactly(intact.map(1, Stage.FINAL, 0).orElseThrow().values());
            float[] heads = ablated.activations().get("layer1/attn_heads").floats(); // [1, H, T, E]
            int perHead = heads.length / 4;
            for (int i = perHead; i < 2 * perHead; i++) {
                assertThat(Math.abs(heads[i])).isZero();
            }
            assertThat(ablated.logits()).isNotEqualTo(intact.logits());
        }
    }

    @Test
    void switchingOffTheGroupNormOrTheGateChangesTheBlockOutputButNotTheMaps() {
        int[] tokens = Fixtures.tokens("tiny");
        Checkpoint checkpoint = OfficialReferenceTest.safetensors("tiny");
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunRequest request = new RunRequest(tokens, CaptureSelection.all(), true);
            RunResult intact = runner.run(request);
            for (String part : List.of("L0.group_norm", "L0.gate")) {
                RunResult ablated = runner.run(request.withAblation(Ablation.parse(part, checkpoint.config())));
                assertThat(ablated.map(0, Stage.FINAL, 0).orElseThrow().values())
                        .containsExactly(intact.map(0, Stage.FINAL, 0).orElseThrow().values());
                assertThat(ablated.activations().get("layer0/block_output").floats()).as(part)
                        .isNotEqualTo(intact.activations().get("layer0/block_output").floats());
            }
        }
    }

    @Test
    void runningWithNoAblationEqualsTheIntactRunAndLeavesTheCheckpointIntact() {
        int[] tokens = Fixtures.tokens("tiny");
        Checkpoint checkpoint = OfficialReferenceTest.safetensors("tiny");
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunResult before = runner.run(RunRequest.of(tokens));
            runner.run(RunRequest.of(tokens).withAblation(Ablation.parse("L1.head0.pre_sm_conv,L1.head3.post_sm_conv,L1.head2",
                    checkpoint.config())));
            RunResult after = runner.run(RunRequest.of(tokens).withAblation(Ablation.none()));
            assertThat(after.logits()).containsExactly(before.logits());
            assertThat(after.maps()).hasSameSizeAs(before.maps());
        }
    }

    private static Ablation everyMtaPart(ModelConfig config) {
        List<Ablation.Item> items = new ArrayList<>();
        for (LayerPlan plan : config.layerPlans()) {
            for (AblatedPart part : MTA_PARTS) {
                if (part.presentIn(plan)) {
                    items.add(new Ablation.Item(plan.layer(), Optional.empty(), part));
                }
            }
        }
        return new Ablation(Set.copyOf(items));
    }
}
