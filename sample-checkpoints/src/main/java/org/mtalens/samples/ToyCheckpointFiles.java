package org.mtalens.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.RegularFiles;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.SafetensorsReader;
import org.mtalens.runtime.checkpoint.SafetensorsWriter;
import org.mtalens.runtime.config.ModelConfig;

/**
 * The files of a toy checkpoint folder: {@code model.safetensors} + {@code config.json} (a checkpoint
 * any part of MTA Lens opens), and for resuming {@code optimizer.safetensors} + {@code training-state.json}.
 * Each file is written to a temporary name and moved into place, so a crash never leaves half a file.
 */
public final class ToyCheckpointFiles {
    public static final String WEIGHTS = "model.safetensors";
    public static final String CONFIG = "config.json";
    public static final String OPTIMIZER = "optimizer.safetensors";
    public static final String STATE = "training-state.json";
    public static final String LOSS_LOG = "loss.csv";
    public static final String EVALUATION = "eval.json";

    private ToyCheckpointFiles() {
    }

    /** Saves weights, config and optimizer state after {@code step} steps. */
    public static void save(Path folder, ToyTrainingConfig config, long seed, TrainableWeights weights, AdamW optimizer,
                            int step) throws IOException {
        Files.createDirectories(folder);
        ModelConfig model = config.model();
        writeTensors(folder.resolve(WEIGHTS), weights.snapshot(model), model.expectedTensorShapes());
        writeJson(folder.resolve(CONFIG), config.checkpointJson(seed));
        Map<String, long[]> moments = new LinkedHashMap<>();
        weights.parameters().forEach((k, a) -> {
            moments.put("m/" + k, a.getShape().getShape());
            moments.put("v/" + k, a.getShape().getShape());
        });
        Map<String, float[]> state = optimizer.state();
        moments.keySet().retainAll(state.keySet());
        writeTensors(folder.resolve(OPTIMIZER), state, moments);
        ObjectNode progress = ToyTrainingConfig.JSON.createObjectNode();
        progress.put("step", step).put("seed", seed).put("optimizer_updates", optimizer.updates());
        writeJson(folder.resolve(STATE), progress);
    }

    /**
     * Keeps the weights after {@code step} steps as a checkpoint of their own: {@code folder/step-NNNNNN/} with
     * {@code model.safetensors} + {@code config.json} (step zero-padded to 6 digits, so folders sort by step).
     *
     * @return the snapshot folder
     */
    public static Path snapshot(Path folder, ToyTrainingConfig config, long seed, TrainableWeights weights, int step)
            throws IOException {
        Path snapshot = folder.resolve(snapshotName(step));
        Files.createDirectories(snapshot);
        ModelConfig model = config.model();
        writeTensors(snapshot.resolve(WEIGHTS), weights.snapshot(model), model.expectedTensorShapes());
        writeJson(snapshot.resolve(CONFIG), config.checkpointJson(seed));
        return snapshot;
    }

    /** @return e.g. {@code step-000200} */
    public static String snapshotName(int step) {
        return String.format(java.util.Locale.ROOT, "step-%06d", step);
    }

    /** @return the step a resumable save in {@code folder} reached, or -1 when there is none */
    public static int savedStep(Path folder) {
        Path state = folder.resolve(STATE);
        if (!Files.isRegularFile(state) || !Files.isRegularFile(folder.resolve(WEIGHTS))) {
            return -1;
        }
        JsonNode node = readJson(state);
        if (!node.path("step").canConvertToInt()) {
            throw new InvalidInputException(state + ": no integer 'step'");
        }
        return node.get("step").asInt();
    }

    /** @return the training seed a resumable save in {@code folder} was made with */
    public static long savedSeed(Path folder) {
        return readJson(folder.resolve(STATE)).path("seed").asLong();
    }

    /** @return how many updates the optimizer of a resumable save made (steps less skipped ones) */
    public static long savedUpdates(Path folder) {
        JsonNode node = readJson(folder.resolve(STATE));
        return node.path("optimizer_updates").asLong(node.path("step").asLong());
    }

    /** @return the saved optimizer moments by key ({@code m/KEY}, {@code v/KEY}) */
    public static Map<String, float[]> optimizerState(Path folder) {
        Path file = folder.resolve(OPTIMIZER);
        Map<String, float[]> state = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            SafetensorsReader.read(file).forEach((k, t) -> state.put(k, t.toFloatArray()));
        }
        return state;
    }

    /** @return the JSON object in {@code file} */
    public static JsonNode readJson(Path file) {
        try {
            RegularFiles.require(file);
            return ToyTrainingConfig.JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read JSON: " + e.getMessage(), e);
        }
    }

    /** @return the JSON object in {@code text} */
    public static JsonNode readJson(String text) {
        try {
            return ToyTrainingConfig.JSON.readTree(text);
        } catch (IOException e) {
            throw new InvalidInputException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@code json} pretty-printed, atomically. */
    public static void writeJson(Path file, JsonNode json) throws IOException {
        byte[] bytes = ToyTrainingConfig.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeTensors(Path file, Map<String, float[]> values, Map<String, long[]> shapes) throws IOException {
        List<SafetensorsWriter.Declared> declared = new ArrayList<>();
        shapes.forEach((k, shape) -> declared.add(new SafetensorsWriter.Declared(k, DType.F32, shape)));
        Map<String, Integer> written = new LinkedHashMap<>();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        SafetensorsWriter.write(temporary, declared, (d, out) -> {
            float[] v = values.get(d.name());
            int from = written.getOrDefault(d.name(), 0);
            int n = out.remaining() / Float.BYTES;
            out.asFloatBuffer().put(v, from, n);
            out.position(out.position() + n * Float.BYTES);
            written.put(d.name(), from + n);
        });
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
