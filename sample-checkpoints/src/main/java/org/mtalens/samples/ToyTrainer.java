package org.mtalens.samples;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.CheckpointLoader;

/**
 * Trains a find-the-block model with DJL autograd through the runtime's own forward pass
 * ({@link org.mtalens.runtime.model.MtaTransformer}): AdamW, warm-up, loss on the answer tokens only. Step {@code s} trains on
 * instances generated from a seed made of the run's seed and {@code s}, so a run resumed from its
 * last save sees exactly the batches an uninterrupted run would.
 */
public final class ToyTrainer {
    private final ToyTrainingConfig config;
    private final long seed;
    private final Path folder;
    private final int keepEvery;

    /**
     * @param config the model, task and optimizer settings
     * @param seed   the training seed: initial weights and training data
     * @param folder where checkpoints, the loss log and the resumable state go
     */
    public ToyTrainer(ToyTrainingConfig config, long seed, Path folder) {
        this(config, seed, folder, 0);
    }

    /**
     * @param keepEvery when positive, also keep a snapshot of the weights at step 0 (of a fresh run) and every
     *                  {@code keepEvery} steps in {@code folder/step-NNNNNN/} (see {@link ToyCheckpointFiles#snapshot})
     */
    public ToyTrainer(ToyTrainingConfig config, long seed, Path folder, int keepEvery) {
        if (keepEvery < 0) {
            throw new InvalidInputException("keep-every must be 0 (off) or positive, got " + keepEvery);
        }
        this.config = config;
        this.seed = seed;
        this.folder = folder;
        this.keepEvery = keepEvery;
    }

    /**
     * Trains to the configured number of steps, resuming from the folder's last save if it holds one.
     *
     * @param progress called after every step
     * @return the last step's loss
     */
    public double train(Consumer<TrainingProgress> progress) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        int start = Math.max(0, ToyCheckpointFiles.savedStep(folder));
        if (start > 0 && ToyCheckpointFiles.savedSeed(folder) != seed) {
            throw new InvalidInputException(folder + " holds a run with seed " + ToyCheckpointFiles.savedSeed(folder)
                    + ", not " + seed + ": use another --out folder");
        }
        if (start > 0) {
            requireSameModelAndTask();
        }
        OptimizerSettings settings = config.training();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            TrainableWeights weights = start > 0
                    ? TrainableWeights.fromCheckpoint(manager, CheckpointLoader.load(folder))
                    : TrainableWeights.initialise(manager, config.model(), seed);
            AdamW optimizer = new AdamW(manager, settings);
            if (start > 0) {
                optimizer.restore(weights.parameters(), ToyCheckpointFiles.optimizerState(folder),
                        ToyCheckpointFiles.savedUpdates(folder));
            }
            TrainingSession session = new TrainingSession(manager, config.model(), weights, optimizer);
            LossLog log = new LossLog(folder.resolve(ToyCheckpointFiles.LOSS_LOG), start);
            if (start == 0 && keepEvery > 0) {
                ToyCheckpointFiles.snapshot(folder, config, seed, weights, 0);
            }
            long began = System.nanoTime();
            long tokensPerStep = (long) settings.batchSize() * (config.task().sequenceLength() - 1);
            double loss = Double.NaN;
            for (int step = start; step < settings.steps(); step++) {
                double lr = settings.learningRate(step);
                FindBlockGenerator generator = new FindBlockGenerator(config.task(), batchSeed(seed, step));
                loss = session.step(generator.next(settings.batchSize()), lr);
                double seconds = (System.nanoTime() - began) / 1e9;
                double rate = tokensPerStep * (step + 1 - start) / seconds;
                double eta = (settings.steps() - step - 1) * tokensPerStep / rate;
                TrainingProgress p = new TrainingProgress(step + 1, settings.steps(), loss, lr, rate, eta);
                log.append(p);
                progress.accept(p);
                if ((step + 1) % settings.saveEvery() == 0 || step + 1 == settings.steps()) {
                    ToyCheckpointFiles.save(folder, config, seed, weights, optimizer, step + 1);
                }
                if (keepEvery > 0 && (step + 1) % keepEvery == 0) {
                    ToyCheckpointFiles.snapshot(folder, config, seed, weights, step + 1);
                }
            }
            return loss;
        }
    }

    private void requireSameModelAndTask() {
        var saved = ToyCheckpointFiles.readJson(folder.resolve(ToyCheckpointFiles.CONFIG));
        var wanted = config.checkpointJson(seed);
        for (String field : new String[] {"training", "training_seed"}) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) saved).remove(field);
            wanted.remove(field);
        }
        if (!saved.equals(wanted)) {
            throw new InvalidInputException(folder + " holds a run of another model or task than the config describes:"
                    + " use another --out folder");
        }
    }

    /** @return the data seed of one training step (never equal to an evaluation seed's stream, see {@link ToyEvaluation}) */
    static long batchSeed(long seed, int step) {
        return mix(seed * 1_000_003L + step) ^ 0x7472_6169_6EL;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
