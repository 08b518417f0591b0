package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.KernelShape;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.testing.Fixtures;

class EditedRunTest {
    static List<String> fixtures() {
        return Fixtures.NAMES;
    }

    /** Every key-query kernel of every head set to the identity gives bit for bit what ablating that kernel gives. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void anIdentityKernelGivesExactlyWhatAblatingThatKernelGives(String name) {
        Checkpoint checkpoint = OfficialReferenceTest.safetensors(name);
        ModelConfig config = checkpoint.config();
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            Trace intact = runner.trace(TraceRequest.of(Fixtures.tokens(name)), PassProgress.NONE);
            int checked = 0;
            for (LayerPlan plan : config.layerPlans()) {
                for (EditablePart part : List.of(EditablePart.PRE_SM_CONV, EditablePart.POST_SM_CONV)) {
                    if (!part.presentIn(plan)) {
                        continue;
                    }
                    for (int head = 0; head < config.nHeads(); head++) {
                        WeightEdit identity = new WeightEdit(plan.layer(), part, head, identity(plan, part, config));
                        Trace edited = intact.edited(WeightEdits.of(List.of(identity)), CaptureSelection.none(), PassProgress.NONE);
                        Trace ablated = intact.ablated(Ablation.parse("L" + plan.layer() + ".head" + head + "." + part.id(),
                                config), CaptureSelection.none(), PassProgress.NONE);
                        assertSameRun(edited, ablated, identity.name());
                        checked++;
                    }
                }
            }
            assertThat(checked).as("kernels checked").isPositive();
        }
    }

    /**
     * Adding delta to one tap (row i, column j) of a pre-softmax kernel adds delta times the score the tap reads to
     * every cell: the score at query q-(c_q-1)+i, key k-left+j (0 outside the map): that cell explanation's term.
     */
    @Test
    void editingOneTapChangesTheMapByDeltaTimesTheScoreItReads() {
        String name = "tiny-plain-gqa"; // layer 1: a 2x4 pre-softmax kernel, keys padded on the left
        Checkpoint checkpoint = OfficialReferenceTest.safetensors(name);
        ModelConfig config = checkpoint.config();
        KernelShape shape = config.layerPlan(1).preSoftmaxConv().orElseThrow();
        int head = 1;
        int row = 0;
        int column = 1;
        float delta = 0.75f;
        float[][] kernel = storedKernel(checkpoint, "layers.1.attention.mta_kernel", head, shape);
        kernel[row][column] += delta;
        int left = config.mta().padKey().leftPadding(shape.keys());
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            Trace intact = runner.trace(TraceRequest.of(Fixtures.tokens(name)), PassProgress.NONE);
            Trace edited = intact.edited(WeightEdits.of(List.of(new WeightEdit(1, EditablePart.PRE_SM_CONV, head, kernel))),
                    CaptureSelection.none(), PassProgress.NONE);
            AttentionMap scores = intact.maps(1, MapQuery.head(head)).map(Stage.SCORES, head).orElseThrow();
            AttentionMap before = intact.maps(1, MapQuery.head(head)).map(Stage.PRE_SM_CONV, head).orElseThrow();
            AttentionMap after = edited.maps(1, MapQuery.head(head)).map(Stage.PRE_SM_CONV, head).orElseThrow();
            int tokens = intact.length();
            int changed = 0;
            for (int q = 0; q < tokens; q++) {
                for (int k = 0; k <= q; k++) {
                    int readQuery = q - (shape.queries() - 1) + row;
                    int readKey = k - left + column;
                    boolean inside = readQuery >= 0 && readKey >= 0 && readKey <= readQuery;
                    float read = inside ? scores.value(readQuery, readKey) : 0f;
                    assertThat(after.value(q, k) - before.value(q, k)).as("cell (%d, %d)", q, k)
                            .isCloseTo(delta * read, Offset.offset(1e-5f));
                    changed += read != 0f ? 1 : 0;
                }
            }
            assertThat(changed).as("cells whose tap reads a score").isGreaterThan(tokens);
            assertThat(edited.logits(tokens - 1)).isNotEqualTo(intact.logits(tokens - 1));
        }
    }

    @Test
    void anEditedTraceReplaysTheSameMapsAsAWholeEditedPassAndLeavesTheCheckpointIntact() {
        String name = "tiny";
        Checkpoint checkpoint = OfficialReferenceTest.safetensors(name);
        ModelConfig config = checkpoint.config();
        WeightEdits edits = WeightEditParser.parse(List.of(
                "L1.post_sm_conv.head3=[[0,0,0,0,0],[0,0.5,0,0,0],[0,0,0,0,1]]",
                "L0.head_kernel.group1=[[0,1],[1,0]]", "L1.wpsm=[[1,0,0,0],[0,0,0,1],[0,0,1,0],[0,1,0,0]]"), config);
        int[] tokens = Fixtures.tokens(name);
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunResult before = runner.run(RunRequest.of(tokens));
            RunResult whole = runner.run(RunRequest.of(tokens).withEdits(edits));
            Trace edited = runner.trace(TraceRequest.of(tokens), PassProgress.NONE)
                    .edited(edits, CaptureSelection.none(), PassProgress.NONE);
            for (int layer = 0; layer < config.nLayers(); layer++) {
                LayerMaps replayed = edited.maps(layer, MapQuery.all());
                for (AttentionMap map : replayed.maps()) {
                    assertThat(map.values()).as("layer %d head %d %s", layer, map.head(), map.stage().id())
                            .containsExactly(whole.map(layer, map.stage(), map.head()).orElseThrow().values());
                }
            }
            assertThat(whole.map(0, Stage.POST_SM_HEAD_CONV, 2).orElseThrow().values()).as("group 1 swaps heads 2 and 3")
                    .containsExactly(whole.map(0, Stage.SOFTMAX, 3).orElseThrow().values(), Offset.offset(1e-6f));
            RunResult after = runner.run(RunRequest.of(tokens));
            assertThat(after.logits()).as("the checkpoint's weights are untouched").containsExactly(before.logits());
            assertThat(whole.logits()).isNotEqualTo(before.logits());
        }
    }

    @Test
    void anEditedRunCanBeAblatedAndKeepsItsEdits() {
        String name = "tiny";
        Checkpoint checkpoint = OfficialReferenceTest.safetensors(name);
        WeightEdits edits = WeightEditParser.parse(List.of("L1.pre_sm_conv.head0=[[0,0,0,0,0],[0,0,0,0,0],[0,0,0,1,0]]"),
                checkpoint.config());
        Ablation gate = Ablation.parse("L1.gate", checkpoint.config());
        int[] tokens = Fixtures.tokens(name);
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            Trace edited = runner.trace(TraceRequest.of(tokens), PassProgress.NONE)
                    .edited(edits, CaptureSelection.none(), PassProgress.NONE);
            Trace both = edited.ablated(gate, CaptureSelection.none(), PassProgress.NONE);
            Trace direct = runner.trace(TraceRequest.of(tokens).withEdits(edits).withAblation(gate), PassProgress.NONE);
            assertThat(both.edits()).isEqualTo(edits);
            assertThat(both.logits(tokens.length - 1)).containsExactly(direct.logits(tokens.length - 1));
        }
    }

    private static void assertSameRun(Trace edited, Trace ablated, String what) {
        ModelConfig config = edited.config();
        for (int layer = 0; layer < config.nLayers(); layer++) {
            LayerMaps expected = ablated.maps(layer, MapQuery.all());
            for (AttentionMap map : edited.maps(layer, MapQuery.all()).maps()) {
                assertThat(map.values()).as("%s: layer %d head %d %s", what, layer, map.head(), map.stage().id())
                        .containsExactly(expected.map(map.stage(), map.head()).orElseThrow().values());
            }
        }
        int last = edited.length() - 1;
        assertThat(edited.logits(last)).as("%s: logits", what).containsExactly(ablated.logits(last));
    }

    private static float[][] identity(LayerPlan plan, EditablePart part, ModelConfig config) {
        int[] shape = part.shape(plan, config);
        float[][] kernel = new float[shape[0]][shape[1]];
        kernel[shape[0] - 1][config.mta().padKey().currentKeyColumn(shape[1])] = 1f;
        return kernel;
    }

    private static float[][] storedKernel(Checkpoint checkpoint, String key, int head, KernelShape shape) {
        float[] all = checkpoint.tensors().get(key).toFloatArray(); // [H, 1, c_q, c_k]
        List<float[]> rows = new ArrayList<>();
        int perHead = shape.queries() * shape.keys();
        for (int r = 0; r < shape.queries(); r++) {
            int from = head * perHead + r * shape.keys();
            rows.add(Arrays.copyOfRange(all, from, from + shape.keys()));
        }
        return rows.toArray(float[][]::new);
    }
}
