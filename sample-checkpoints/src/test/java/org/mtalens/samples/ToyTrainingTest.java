package org.mtalens.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.model.MtaTransformer;

class ToyTrainingTest {
    @ParameterizedTest(name = "use_mta={0}")
    @ValueSource(booleans = {false, true})
    void aFewStepsLowerTheLossOnAFixedBatch(boolean mta) {
        ToyTrainingConfig config = TinyConfigs.config(mta, 20, 20);
        List<FindBlockInstance> batch = new FindBlockGenerator(config.task(), 5).next(8);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            TrainingSession session = new TrainingSession(manager, config.model(),
                    TrainableWeights.initialise(manager, config.model(), 1), new AdamW(manager, config.training()));
            double before = session.loss(batch);
            for (int step = 0; step < 20; step++) {
                session.step(batch, 0.003);
            }
            double after = session.loss(batch);
            assertThat(before).isGreaterThan(2.5);
            assertThat(after).isLessThan(before * 0.6);
        }
    }

    @Test
    void adamWFirstStepMovesEveryWeightByTheLearningRateAgainstItsGradient() {
        OptimizerSettings settings = new OptimizerSettings(1, 1, 0.1, 0, 1, 0.9, 0.98, 1e-8, 0, 0, 1);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray p = manager.create(new float[] {1f, 2f, -3f});
            p.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(p.mul(manager.create(new float[] {2f, -1f, 0.5f})).sum()); // gradient (2, -1, 0.5)
            }
            new AdamW(manager, settings).step(Map.of("p", p), 0.1, manager);
            float[] moved = p.toFloatArray();
            assertThat(moved[0]).isCloseTo(0.9f, within(1e-5f));
            assertThat(moved[1]).isCloseTo(2.1f, within(1e-5f));
            assertThat(moved[2]).isCloseTo(-3.1f, within(1e-5f));
        }
    }

    @Test
    void aStepWithANonFiniteGradientLeavesTheWeightsAsTheyWere() {
        OptimizerSettings settings = new OptimizerSettings(1, 1, 0.1, 0, 1, 0.9, 0.98, 1e-8, 0, 1, 1);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray p = manager.create(new float[] {1f, 2f});
            p.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(p.mul(manager.create(new float[] {Float.NaN, 1f})).sum()); // gradient (NaN, 1)
            }
            double norm = new AdamW(manager, settings).step(Map.of("p", p), 0.1, manager);
            assertThat(norm).isNaN();
            assertThat(p.toFloatArray()).containsExactly(1f, 2f);
        }
    }

    @Test
    void freshMtaModelComputesWhatThePlainModelDoesThanksToTheIdentityKernels() {
        ToyTrainingConfig mta = TinyConfigs.config(true, 1, 1);
        ToyTrainingConfig plain = TinyConfigs.config(false, 1, 1);
        FindBlockInstance instance = new FindBlockGenerator(mta.task(), 3).next();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            TrainableWeights mtaWeights = TrainableWeights.initialise(manager, mta.model(), 11);
            assertThat(mtaWeights.get("layers.0.attention.mta_kernel").toFloatArray())
                    .containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0);
            NDArray tokens = manager.create(java.util.Arrays.stream(instance.tokens()).asLongStream().toArray(),
                    new Shape(1, instance.tokens().length));
            float[] withMta = new MtaTransformer(mta.model(), mtaWeights).forward(manager, tokens).toFloatArray();
            float[] without = new MtaTransformer(plain.model(), TrainableWeights.initialise(manager, plain.model(), 11))
                    .forward(manager, tokens).toFloatArray();
            for (int i = 0; i < without.length; i++) {
                assertThat(withMta[i]).isCloseTo(without[i], within(1e-4f));
            }
        }
    }

    @Test
    void aResumedRunEndsWithTheWeightsOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
        new ToyTrainer(TinyConfigs.config(true, 4, 2), 3, dir.resolve("whole")).train(p -> { });
        new ToyTrainer(TinyConfigs.config(true, 2, 2), 3, dir.resolve("resumed")).train(p -> { });
        List<Integer> resumedSteps = new ArrayList<>();
        new ToyTrainer(TinyConfigs.config(true, 4, 2), 3, dir.resolve("resumed")).train(p -> resumedSteps.add(p.step()));
        assertThat(resumedSteps).containsExactly(3, 4);
        Map<String, Tensor> whole = CheckpointLoader.load(dir.resolve("whole")).tensors();
        Map<String, Tensor> resumed = CheckpointLoader.load(dir.resolve("resumed")).tensors();
        for (String key : whole.keySet()) {
            float[] a = whole.get(key).toFloatArray();
            float[] b = resumed.get(key).toFloatArray();
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).as(key).isCloseTo(a[i], within(1e-6f));
            }
        }
        assertThat(java.nio.file.Files.readAllLines(dir.resolve("resumed").resolve("loss.csv")))
                .hasSize(5).first().isEqualTo("step,loss,lr,tokens_per_s");
    }

    @Test
    void resumingWithAnotherSeedIsRefused(@TempDir Path dir) throws Exception {
        new ToyTrainer(TinyConfigs.config(false, 1, 1), 3, dir).train(p -> { });
        assertThatThrownBy(() -> new ToyTrainer(TinyConfigs.config(false, 2, 1), 4, dir).train(p -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("seed 3");
    }

    @Test
    void resumingWithAnotherModelIsRefused(@TempDir Path dir) throws Exception {
        new ToyTrainer(TinyConfigs.config(false, 1, 1), 3, dir).train(p -> { });
        assertThatThrownBy(() -> new ToyTrainer(TinyConfigs.config(true, 2, 1), 3, dir).train(p -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("another model or task");
    }

    @Test
    void aConfigWithABadTaskNamesTheField() {
        String json = """
                {"model": {"dim": 32, "n_layers": 1, "n_heads": 2, "vocab_size": 32},
                 "task": {"block_length": 3, "query_letters": 5, "blocks": 4},
                 "training": {"steps": 1, "batch_size": 1, "lr": 0.1, "warmup": 0, "min_lr_ratio": 1,
                              "beta1": 0.9, "beta2": 0.98, "eps": 1e-8, "weight_decay": 0, "clip": 1, "save_every": 1}}
                """;
        assertThatThrownBy(() -> ToyTrainingConfig.parse(json, "bad.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad.json").hasMessageContaining("query_letters");
    }
}
