package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.testing.Fixtures;
import org.mtalens.runtime.testing.RandomCheckpoint;

/**
 * A trace keeps each layer's input; replaying a layer from it must give exactly the maps of the whole pass, for
 * every stage, layer and head, on every fixture and on configurations of our own (pad_key left/right, GQA,
 * linear head mixing, several query blocks with their halo).
 */
class TraceTest {
    /** MTA on layers 1 and 2 with a 3x5 kernel before and a 2x3 kernel after softmax, head conv, 4 heads over 2 KV heads. */
    static final String MTA_LEFT = """
            {"dim": 32, "n_layers": 3, "n_heads": 4, "n_kv_heads": 2, "vocab_size": 40, "max_seqlen": 96,
             "multiple_of": 16,
             "mta": {"use_mta": true, "query_kernel_size": 3, "key_kernel_size": 5, "pad_key": "left",
                     "after_sm_query_kernel_size": 2, "after_sm_key_kernel_size": 3, "mta_layers": "1,2",
                     "head_kernel_size": 2, "group_norm": true, "layer_norm_rescale": true, "add_gating": true}}
            """;
    /** Linear head mixing before and after softmax, pad_key right, curse norm. */
    static final String MTA_LINEAR_RIGHT = """
            {"dim": 24, "n_layers": 2, "n_heads": 3, "vocab_size": 30, "max_seqlen": 80, "multiple_of": 16,
             "mta": {"use_mta": true, "query_kernel_size": 4, "key_kernel_size": 3, "pad_key": "right",
                     "after_sm_query_kernel_size": 3, "after_sm_key_kernel_size": 3,
                     "pre_sm_linear_head": true, "post_sm_linear_head": true, "curse_norm": true}}
            """;

    @AfterEach
    void wholeBlocksAgain() {
        System.clearProperty(QueryBlock.ROWS_PROPERTY);
    }

    static Stream<Arguments> models() {
        Stream<Arguments> fixtures = Fixtures.NAMES.stream().map(n -> Arguments.of(n, OfficialReferenceTest.safetensors(n),
                Fixtures.tokens(n)));
        Stream<Arguments> ours = Stream.of(
                Arguments.of("mta-left-gqa", RandomCheckpoint.of(MTA_LEFT, 3), ids(61, 40)),
                Arguments.of("mta-linear-right", RandomCheckpoint.of(MTA_LINEAR_RIGHT, 4), ids(47, 30)));
        return Stream.concat(fixtures, ours);
    }

    static int[] ids(int count, int vocab) {
        return new java.util.Random(count).ints(count, 0, vocab).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void replayingAnyLayerGivesTheWholePassMapsForEveryStageAndHead(String name, Checkpoint checkpoint, int[] tokens) {
        System.setProperty(QueryBlock.ROWS_PROPERTY, "7"); // many blocks: every boundary and halo is crossed
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunResult whole = runner.run(RunRequest.of(tokens));
            Trace trace = runner.trace(TraceRequest.of(tokens), PassProgress.NONE);
            int checked = 0;
            for (LayerPlan plan : checkpoint.config().layerPlans()) {
                LayerMaps replayed = trace.maps(plan.layer(), MapQuery.all());
                for (Stage stage : plan.stages()) {
                    for (int head = 0; head < checkpoint.config().nHeads(); head++) {
                        AttentionMap expected = whole.map(plan.layer(), stage, head).orElseThrow();
                        assertThat(replayed.map(stage, head).orElseThrow().values())
                                .as("layer %d %s head %d", plan.layer(), stage, head).containsExactly(expected.values());
                        checked++;
                    }
                }
            }
            assertThat(checked).isEqualTo(whole.maps().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aReplayIntoTheMemoryOfAnotherLayersReleasedMapsGivesTheWholePassMapsAndHoldsNoSecondLayer(String name,
            Checkpoint checkpoint, int[] tokens) {
        System.setProperty(QueryBlock.ROWS_PROPERTY, "7");
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunResult whole = runner.run(RunRequest.of(tokens));
            Trace trace = runner.trace(TraceRequest.of(tokens), PassProgress.NONE);
            int layers = checkpoint.config().nLayers();
            LayerMaps shown = trace.maps(layers - 1, MapQuery.all()); // the last layer: its values differ everywhere
            for (int step = 0; step < layers; step++) { // switch through every layer, each into the last one's memory
                java.util.Set<float[]> released = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                shown.maps().forEach(m -> released.add(m.memory()));
                LayerMaps next = trace.maps(step, MapQuery.all(), () -> false, RecycledMaps.of(shown));
                for (AttentionMap map : next.maps()) {
                    AttentionMap expected = whole.map(step, map.stage(), map.head()).orElseThrow();
                    assertThat(map.values()).as("layer %d %s head %d", step, map.stage(), map.head())
                            .containsExactly(expected.values());
                }
                long fresh = next.maps().stream().filter(m -> !released.contains(m.memory())).count();
                assertThat(fresh).as("maps allocated beside the released ones")
                        .isEqualTo(Math.max(0, next.maps().size() - shown.maps().size()));
                shown = next;
            }
        }
    }

    @org.junit.jupiter.api.Test
    void noValueOfAReleasedMapShowsThroughAReplayIntoItsMemory() {
        Checkpoint checkpoint = RandomCheckpoint.of(MTA_LEFT, 3);
        int[] tokens = ids(25, 40);
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            Trace trace = runner.trace(TraceRequest.of(tokens), PassProgress.NONE);
            LayerMaps fresh = trace.maps(2, MapQuery.all());
            List<AttentionMap> stale = fresh.maps().stream().map(m -> {
                float[] noise = new float[tokens.length * tokens.length];
                java.util.Arrays.fill(noise, Float.NaN); // every cell, future keys included
                return new AttentionMap(0, m.stage(), m.head(), tokens.length, noise);
            }).toList();
            LayerMaps replayed = trace.maps(2, MapQuery.all(), () -> false, RecycledMaps.of(new LayerMaps(0, stale)));
            for (AttentionMap map : replayed.maps()) {
                assertThat(map.values()).as("%s head %d", map.stage(), map.head())
                        .containsExactly(fresh.map(map.stage(), map.head()).orElseThrow().values());
            }
            assertThat(replayed.maps()).allMatch(m -> stale.stream().anyMatch(s -> s.memory() == m.memory()));
        }
    }

    @org.junit.jupiter.api.Test
    void releasedMapsOfAnotherLengthAreNotReused() {
        Checkpoint checkpoint = RandomCheckpoint.of(MTA_LEFT, 3);
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            LayerMaps longer = runner.trace(TraceRequest.of(ids(30, 40)), PassProgress.NONE).maps(1, MapQuery.all());
            Trace shorter = runner.trace(TraceRequest.of(ids(20, 40)), PassProgress.NONE);
            LayerMaps replayed = shorter.maps(1, MapQuery.all(), () -> false, RecycledMaps.of(longer));
            assertThat(replayed.maps()).allSatisfy(m -> assertThat(m.tokens()).isEqualTo(20));
            assertThat(replayed.maps()).noneMatch(m -> longer.maps().stream().anyMatch(l -> l.memory() == m.memory()));
            assertThat(replayed.map(Stage.FINAL, 0).orElseThrow().values())
                    .containsExactly(shorter.maps(1, MapQuery.all()).map(Stage.FINAL, 0).orElseThrow().values());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void capturedMapsAreHandedOverOnceAndThenReplayedSoTheTraceHoldsNoneOfThem(String name, Checkpoint checkpoint,
                                                                           int[] tokens) {
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            int layer = checkpoint.config().nLayers() - 1;
            Trace trace = runner.trace(TraceRequest.of(tokens).capturing(CaptureSelection.of(Set.of(layer), null, null)),
                    PassProgress.NONE);
            LayerMaps captured = trace.maps(layer, MapQuery.all());
            LayerMaps again = trace.maps(layer, MapQuery.all());
            assertThat(again).as("the second ask replays: the trace let the captured maps go").isNotSameAs(captured);
            assertThat(again.maps()).hasSameSizeAs(captured.maps());
            for (AttentionMap map : captured.maps()) {
                assertThat(again.map(map.stage(), map.head()).orElseThrow().values())
                        .as("%s head %d", map.stage(), map.head()).containsExactly(map.values());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void queryBlocksGiveTheSameMapsAndLogitsAsOneWholeBlock(String name, Checkpoint checkpoint, int[] tokens) {
        RunResult whole;
        RunResult blocked;
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            whole = runner.run(RunRequest.of(tokens));
            System.setProperty(QueryBlock.ROWS_PROPERTY, "5");
            blocked = runner.run(RunRequest.of(tokens));
        }
        assertThat(blocked.maps()).hasSameSizeAs(whole.maps());
        for (AttentionMap map : whole.maps()) {
            float[] other = blocked.map(map.layer(), map.stage(), map.head()).orElseThrow().values();
            float[] values = map.values();
            for (int i = 0; i < values.length; i++) {
                assertThat(other[i]).as("layer %d %s head %d cell %d", map.layer(), map.stage(), map.head(), i)
                        .isCloseTo(values[i], Offset.offset(1e-5f));
            }
        }
        float[] logits = whole.logits();
        float[] other = blocked.logits();
        for (int i = 0; i < logits.length; i++) {
            assertThat(other[i]).isCloseTo(logits[i], Offset.offset(1e-4f));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aTraceGivesTheLogitsOfAnyPositionAsTheWholePass(String name, Checkpoint checkpoint, int[] tokens) {
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunResult whole = runner.run(RunRequest.of(tokens));
            Trace trace = runner.trace(TraceRequest.of(tokens), PassProgress.NONE);
            int vocab = checkpoint.config().vocabSize();
            for (int position = 0; position < tokens.length; position++) {
                float[] expected = java.util.Arrays.copyOfRange(whole.logits(), position * vocab, (position + 1) * vocab);
                float[] actual = trace.logits(position);
                for (int v = 0; v < vocab; v++) {
                    assertThat(actual[v]).as("position %d token %d", position, v).isCloseTo(expected[v], Offset.offset(1e-5f));
                }
            }
            assertThat(trace.topPredictions(tokens.length - 1, 3)).extracting(TokenPrediction::token)
                    .isEqualTo(whole.topPredictions(tokens.length - 1, 3).stream().map(TokenPrediction::token).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void anAblatedTraceRunFromTheFirstChangedLayerEqualsTheWholeAblatedPass(String name, Checkpoint checkpoint,
                                                                           int[] tokens) {
        int last = checkpoint.config().nLayers() - 1;
        Ablation parts = Ablation.parse("L" + last + ".head1", checkpoint.config());
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunResult whole = runner.run(RunRequest.of(tokens).withAblation(parts));
            Trace intact = runner.trace(TraceRequest.of(tokens), PassProgress.NONE);
            int[] started = new int[1];
            Trace ablated = intact.ablated(parts, CaptureSelection.none(), new PassProgress() {
                @Override
                public void layersDone(int done, int total) {
                    started[0]++;
                }
            });
            assertThat(started[0]).as("layers run again").isEqualTo(1);
            assertThat(ablated.residual(last)).as("the unchanged layers' inputs are shared").isSameAs(intact.residual(last));
            for (Stage stage : checkpoint.config().layerPlan(last).stages()) {
                assertThat(ablated.maps(last, MapQuery.stage(stage)).map(stage, 1).orElseThrow().values())
                        .containsExactly(whole.map(last, stage, 1).orElseThrow().values());
            }
            float[] expected = whole.topPredictions(tokens.length - 1, 1).stream().mapToDouble(TokenPrediction::logit)
                    .collect(() -> new float[1], (a, v) -> a[0] = (float) v, (a, b) -> { });
            assertThat(ablated.topPredictions(tokens.length - 1, 1).get(0).logit()).isCloseTo(expected[0], Offset.offset(1e-5f));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void streamedRowsAndPooledThumbnailsMatchTheWholeMaps(String name, Checkpoint checkpoint, int[] tokens) {
        System.setProperty(QueryBlock.ROWS_PROPERTY, "6");
        int layer = checkpoint.config().nLayers() - 1;
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            RunResult whole = runner.run(RunRequest.of(tokens));
            Trace trace = runner.trace(TraceRequest.of(tokens), PassProgress.NONE);
            int[] rows = new int[1];
            trace.rows(layer, Set.of(Stage.FINAL), Set.of(0), (stage, head, query, row) -> {
                AttentionMap map = whole.map(layer, stage, head).orElseThrow();
                for (int key = 0; key <= query; key++) {
                    assertThat(row[key]).isEqualTo(map.value(query, key));
                }
                rows[0]++;
            }, () -> false);
            assertThat(rows[0]).as("one row per query, in order").isEqualTo(tokens.length);

            int size = 4;
            List<PooledMap> pooled = trace.pooled(layer, Stage.SCORES, size, () -> false);
            assertThat(pooled).hasSize(checkpoint.config().nHeads());
            for (PooledMap thumbnail : pooled) {
                AttentionMap map = whole.map(layer, Stage.SCORES, thumbnail.head()).orElseThrow();
                assertThat(thumbnail).usingRecursiveComparison().ignoringFields("values", "min", "max")
                        .isEqualTo(new PooledMap(layer, Stage.SCORES, thumbnail.head(), tokens.length, size,
                                new float[size * size], 0, 0));
                assertPooledByLargestMagnitude(map, thumbnail);
            }
        }
    }

    private static void assertPooledByLargestMagnitude(AttentionMap map, PooledMap thumbnail) {
        int t = map.tokens();
        int size = thumbnail.size();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        float[][] extremes = new float[size][size]; // cell of position p: floor(p * size / T)
        for (int q = 0; q < t; q++) {
            for (int k = 0; k <= q; k++) {
                float v = map.value(q, k);
                float[] row = extremes[q * size / t];
                int column = k * size / t;
                row[column] = Math.abs(v) > Math.abs(row[column]) ? v : row[column];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                assertThat(thumbnail.value(row, column)).as("cell %d,%d", row, column).isEqualTo(extremes[row][column]);
            }
        }
        assertThat(thumbnail.min()).isEqualTo(min);
        assertThat(thumbnail.max()).isEqualTo(max);
    }
}
