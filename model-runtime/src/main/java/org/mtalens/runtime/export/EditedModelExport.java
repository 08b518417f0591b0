package org.mtalens.runtime.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointFormat;
import org.mtalens.runtime.checkpoint.CheckpointLayout;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.SafetensorsReader;
import org.mtalens.runtime.checkpoint.SafetensorsWriter;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.model.WeightEdit;
import org.mtalens.runtime.model.WeightEditParser;
import org.mtalens.runtime.model.WeightEdits;

/**
 * Saves an edited model as a new checkpoint folder: {@code model.safetensors} with every tensor of the original
 * (the edited ones as fp32 with the edits written over them, the others byte for byte) and the edits recorded in
 * its {@code __metadata__} ({@value #EDITS_KEY}: the {@code --set-file} JSON; {@value #SOURCE_KEY}: the original),
 * and {@code config.json} (the original's, or the official params.json's model arguments and tokenizer).
 */
public final class EditedModelExport {
    /** Metadata key of the edits, as the {@code --set-file} JSON object. */
    public static final String EDITS_KEY = "mta_lens_edits";
    /** Metadata key of the checkpoint the edits were made to. */
    public static final String SOURCE_KEY = "mta_lens_edited_from";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EditedModelExport() {
    }

    /**
     * @param folder the new checkpoint's folder (created; its model.safetensors and config.json are replaced)
     * @throws InvalidInputException when the edits do not fit the model, or the folder is the original's own
     */
    public static void write(Checkpoint checkpoint, WeightEdits edits, Path folder) throws IOException {
        edits.validateFor(checkpoint.config());
        if (holdsTheOriginal(folder, checkpoint.source())) {
            throw new InvalidInputException(folder + " holds the checkpoint being edited: save the edited model elsewhere");
        }
        Path weights = folder.resolve("model.safetensors");
        Files.createDirectories(folder);
        JsonNode config = config(checkpoint);
        writeWeights(checkpoint, edits, weights);
        AtomicFiles.write(folder.resolve("config.json"), out -> out.write(JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(config)));
    }

    /** @return whether {@code folder} is the original's folder (or the one above its consolidated/ folder) */
    private static boolean holdsTheOriginal(Path folder, Path source) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        Path own = source.toAbsolutePath().getParent();
        boolean consolidated = own.getFileName() != null && own.getFileName().toString().equals("consolidated");
        return Files.isSameFile(folder, own) || (consolidated && Files.isSameFile(folder, own.getParent()));
    }

    /** @return the edits recorded in a saved edited model's weights file (none for a checkpoint that is not one) */
    public static WeightEdits recordedEdits(Checkpoint checkpoint) {
        if (checkpoint.format() != CheckpointFormat.SAFETENSORS) {
            return WeightEdits.none();
        }
        String json = SafetensorsReader.metadata(checkpoint.source()).get(EDITS_KEY);
        if (json == null) {
            return WeightEdits.none();
        }
        try {
            return WeightEditParser.fromJson(JSON.readTree(json), checkpoint.source() + " (" + EDITS_KEY + ")",
                    checkpoint.config());
        } catch (IOException e) {
            throw new InvalidInputException(checkpoint.source() + ": " + EDITS_KEY + " is not JSON");
        }
    }

    private static void writeWeights(Checkpoint checkpoint, WeightEdits edits, Path file) throws IOException {
        Map<String, float[]> edited = editedTensors(checkpoint, edits);
        List<SafetensorsWriter.Declared> declared = checkpoint.tensors().values().stream()
                .map(t -> new SafetensorsWriter.Declared(t.name(), edited.containsKey(t.name()) ? DType.F32 : t.dtype(),
                        t.shape())).toList();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put(EDITS_KEY, edits.json());
        metadata.put(SOURCE_KEY, checkpoint.source().toString());
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        Map<String, Long> written = new LinkedHashMap<>();
        try {
            SafetensorsWriter.write(partial, declared, metadata, (d, out) -> {
                long from = written.getOrDefault(d.name(), 0L);
                int n = out.remaining();
                float[] values = edited.get(d.name());
                if (values != null) {
                    out.asFloatBuffer().put(values, (int) (from / Float.BYTES), n / Float.BYTES);
                    out.position(out.position() + n);
                } else {
                    ByteBuffer stored = checkpoint.tensors().get(d.name()).data().duplicate();
                    int start = stored.position() + (int) from;
                    out.put(stored.limit(start + n).position(start));
                }
                written.put(d.name(), from + n);
            });
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** @return [every value] of each edited tensor, the edits written over the stored values */
    private static Map<String, float[]> editedTensors(Checkpoint checkpoint, WeightEdits edits) {
        Map<String, float[]> tensors = new LinkedHashMap<>();
        for (WeightEdit edit : edits.list()) {
            float[] values = tensors.computeIfAbsent(edit.tensorKey(), key -> checkpoint.tensor(key).toFloatArray());
            edit.applyTo(values);
        }
        return tensors;
    }

    /** @return the new checkpoint's config.json: the original's, or built from the official params.json */
    private static JsonNode config(Checkpoint checkpoint) throws IOException {
        CheckpointLayout layout = CheckpointLayout.locate(checkpoint.source());
        JsonNode original = JSON.readTree(Files.readAllBytes(layout.config()));
        ObjectNode config;
        if (checkpoint.format() == CheckpointFormat.SAFETENSORS) {
            config = original.deepCopy();
        } else {
            config = original.path("model").deepCopy();
            if (original.path("data").path("tokenizer").isObject()) {
                config.set("tokenizer", original.path("data").path("tokenizer"));
            }
        }
        config.put("name", checkpoint.displayName() + " (edited)");
        absoluteTokenizerPath(config, layout.config().toAbsolutePath().getParent());
        return config;
    }

    /** A tokenizer path relative to the original's folder is made absolute, so the new folder finds it too. */
    private static void absoluteTokenizerPath(ObjectNode config, Path originalFolder) {
        JsonNode path = config.path("tokenizer").path("path");
        if (path.isTextual() && !Path.of(path.asText()).isAbsolute()
                && Files.exists(originalFolder.resolve(path.asText()))) {
            ((ObjectNode) config.get("tokenizer")).put("path", originalFolder.resolve(path.asText()).normalize().toString());
        }
    }
}
