package org.mtalens.samples;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.RegularFiles;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.ModelConfigReader;

/**
 * A {@code train-toy} config file: {@code model} (the model arguments, as in a checkpoint's
 * {@code config.json}), {@code task} ({@link FindBlockTask}) and {@code training} ({@link OptimizerSettings}).
 *
 * @param modelJson the model arguments as written, with {@code tokenizer: {name: char}} added
 * @param model     the same, validated
 * @param task      the task parameters
 * @param training  the optimizer settings
 */
public record ToyTrainingConfig(ObjectNode modelJson, ModelConfig model, FindBlockTask task, OptimizerSettings training) {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Reads and validates a config file; every problem names the file and field. */
    public static ToyTrainingConfig read(Path file) {
        try {
            RegularFiles.require(file);
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses config text; {@code source} names it in messages. */
    public static ToyTrainingConfig parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": not valid JSON: " + e.getMessage());
        }
        ObjectNode model = object(root, "model", source).deepCopy();
        model.putObject("tokenizer").put("name", "char");
        ModelConfig config = ModelConfigReader.parseConfigJson(model.toString(), source + " (model)");
        if (config.vocabSize() < org.mtalens.runtime.tokenizer.CharTokenizer.VOCABULARY_SIZE) {
            throw new InvalidInputException(source + ": model.vocab_size must be at least " + org.mtalens.runtime.tokenizer.CharTokenizer.VOCABULARY_SIZE
                    + " for the char alphabet, got " + config.vocabSize());
        }
        FindBlockTask task = value(object(root, "task", source), FindBlockTask.class, source, "task");
        if (task.sequenceLength() > config.maxSeqlen()) {
            throw new InvalidInputException(source + ": task instances have " + task.sequenceLength()
                    + " tokens, more than model.max_seqlen " + config.maxSeqlen());
        }
        OptimizerSettings training = value(object(root, "training", source), OptimizerSettings.class, source, "training");
        if (training.steps() < 1 || training.batchSize() < 1 || !(training.lr() > 0) || training.saveEvery() < 1) {
            throw new InvalidInputException(source + ": training.steps, batch_size, lr and save_every must be positive");
        }
        return new ToyTrainingConfig(model, config, task, training);
    }

    private static ObjectNode object(JsonNode root, String field, String source) {
        JsonNode node = root == null ? null : root.get(field);
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(source + ": no '" + field + "' object");
        }
        return (ObjectNode) node;
    }

    private static <T> T value(JsonNode node, Class<T> type, String source, String field) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(source + ": bad '" + field + "': " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(source + ": bad '" + field + "': " + e.getMessage(), e);
        }
    }

    /** @return the checkpoint's {@code config.json}: model arguments at the top level, tokenizer, task, training and seed */
    public ObjectNode checkpointJson(long seed) {
        ObjectNode json = modelJson.deepCopy();
        json.set("task", JSON.valueToTree(task));
        json.set("training", JSON.valueToTree(training));
        json.put("training_seed", seed);
        return json;
    }
}
