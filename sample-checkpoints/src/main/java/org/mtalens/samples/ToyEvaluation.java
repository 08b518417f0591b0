package org.mtalens.samples;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.model.DeviceWeights;
import org.mtalens.runtime.model.MtaTransformer;

/**
 * Measures a toy checkpoint: the exact-match error rate of greedy decoding of the answer block on fresh
 * instances. Evaluation streams are seeded apart from every training stream, so a seed never repeats
 * training data. Dimensions: B batch, P prompt tokens, V vocabulary.
 */
public final class ToyEvaluation {
    private static final int BATCH = 100;
    private static final long EVAL_SALT = 0x6576_616CL;

    private ToyEvaluation() {
    }

    /**
     * @param checkpoint the checkpoint folder (with a {@code task} in its config.json) or its weights file
     * @param instances  how many instances to generate
     * @param seed       the evaluation seed
     */
    public static ToyEvaluationResult evaluate(Path checkpoint, int instances, long seed) {
        if (instances < 1) {
            throw new InvalidInputException("--instances must be positive, got " + instances);
        }
        Checkpoint loaded = CheckpointLoader.load(checkpoint);
        FindBlockTask task = taskOf(loaded.source().getParent().resolve(ToyCheckpointFiles.CONFIG));
        FindBlockGenerator generator = new FindBlockGenerator(task, evaluationSeed(seed));
        int errors = 0;
        try (DeviceWeights weights = DeviceWeights.load(loaded, Device.cpu())) {
            MtaTransformer model = new MtaTransformer(loaded.config(), weights);
            for (int done = 0; done < instances; done += BATCH) {
                List<FindBlockInstance> batch = generator.next(Math.min(BATCH, instances - done));
                int[][] answers = greedyAnswers(weights.manager(), model, batch, task.blockLength());
                for (int i = 0; i < batch.size(); i++) {
                    if (!Arrays.equals(answers[i], batch.get(i).answerTokens())) {
                        errors++;
                    }
                }
            }
        }
        return new ToyEvaluationResult(checkpoint.toString(), (double) errors / instances, errors, instances, seed, task);
    }

    /** @return the seed of the instance stream of evaluation seed {@code seed} */
    static long evaluationSeed(long seed) {
        return ToyTrainer.mix(seed ^ EVAL_SALT) ^ EVAL_SALT;
    }

    /** @return for each instance, {@code count} tokens greedily decoded after its prompt */
    static int[][] greedyAnswers(NDManager parent, MtaTransformer model, List<FindBlockInstance> batch, int count) {
        int promptLength = batch.get(0).task().answerStart();
        int size = batch.size();
        long[] tokens = new long[size * (promptLength + count)];
        int[][] answers = new int[size][count];
        for (int step = 0; step <= count; step++) {
            int length = promptLength + step;
            for (int b = 0; b < size; b++) {
                int[] prompt = batch.get(b).promptTokens();
                for (int t = 0; t < length; t++) {
                    tokens[b * length + t] = t < promptLength ? prompt[t] : answers[b][t - promptLength];
                }
            }
            if (step == count) {
                break;
            }
            try (NDManager manager = parent.newSubManager()) {
                NDArray input = manager.create(Arrays.copyOf(tokens, size * length), new Shape(size, length)); // [B, P]
                NDArray logits = model.forward(manager, input); // [B, P, V]
                long[] next = logits.get(new NDIndex(":, -1, :")).argMax(-1).toLongArray(); // [B]
                for (int b = 0; b < size; b++) {
                    answers[b][step] = (int) next[b];
                }
            }
        }
        return answers;
    }

    /** @return the task parameters of a toy checkpoint's {@code config.json} */
    public static FindBlockTask taskOf(Path config) {
        if (!Files.isRegularFile(config)) {
            throw new InvalidInputException(config + ": not found (a toy checkpoint keeps its task there)");
        }
        JsonNode task = ToyCheckpointFiles.readJson(config).get("task");
        if (task == null || !task.isObject()) {
            throw new InvalidInputException(config + ": no 'task' object: not a find-the-block checkpoint");
        }
        try {
            return ToyTrainingConfig.JSON.treeToValue(task, FindBlockTask.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(config + ": bad 'task': " + e.getOriginalMessage(), e);
        }
    }
}
