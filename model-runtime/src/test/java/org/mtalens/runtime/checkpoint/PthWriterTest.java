package org.mtalens.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.testing.Fixtures;

/** A state dict written in torch.save's layout loads back with the same names, shapes and values. */
class PthWriterTest {
    @TempDir
    Path dir;

    @Test
    void theTinyFixturesWeightsWrittenAsPthLoadBackEqual() throws Exception {
        Checkpoint original = CheckpointLoader.load(Fixtures.folder("tiny"), CheckpointFormat.SAFETENSORS);
        Path consolidated = Files.createDirectories(dir.resolve("copy").resolve("consolidated"));
        Files.copy(Fixtures.folder("tiny").resolve("consolidated").resolve("params.json"), consolidated.resolve("params.json"));
        writeAsPth(original, consolidated.resolve("consolidated.pth"), Map.of());

        Checkpoint copy = CheckpointLoader.load(dir.resolve("copy"));
        assertThat(copy.format()).isEqualTo(CheckpointFormat.OFFICIAL_PTH);
        assertThat(copy.tensors().keySet()).containsExactlyElementsOf(original.tensors().keySet());
        for (Tensor tensor : original.tensors().values()) {
            Tensor loaded = copy.tensor(tensor.name());
            assertThat(loaded.shape()).as(tensor.name()).containsExactly(tensor.shape());
            assertThat(loaded.toFloatArray()).as(tensor.name()).containsExactly(tensor.toFloatArray());
        }
        assertThat(PthWriter.archiveName(consolidated.resolve("consolidated.pth"))).isEqualTo("consolidated");
    }

    @Test
    void aTiedOutputSharesTheEmbeddingsStorage() throws Exception {
        String model = """
                {"dim": 16, "n_layers": 1, "n_heads": 2, "vocab_size": 12, "max_seqlen": 8, "multiple_of": 16,
                 "weight_tying": true}""";
        Checkpoint original = org.mtalens.runtime.testing.RandomCheckpoint.of(model, 5);
        Path consolidated = Files.createDirectories(dir.resolve("tied").resolve("consolidated"));
        Files.writeString(consolidated.resolve("params.json"), "{\"model\": " + model + "}");
        writeAsPth(original, consolidated.resolve("consolidated.pth"),
                Map.of("output.tied_module.weight", "tok_embeddings.weight"));
        Checkpoint copy = CheckpointLoader.load(dir.resolve("tied"));
        assertThat(copy.tensor("output.tied_module.weight").toFloatArray())
                .containsExactly(original.tensor("tok_embeddings.weight").toFloatArray());
    }

    private static void writeAsPth(Checkpoint original, Path file, Map<String, String> shares) throws Exception {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        original.tensors().forEach((name, tensor) -> shapes.put(name, tensor.shape()));
        List<PthWriter.Entry> entries = PthWriter.entries(shapes, shares);
        Map<String, String> owner = new LinkedHashMap<>();
        entries.forEach(e -> owner.putIfAbsent(e.storage(), e.name()));
        PthWriter.write(file, entries, PthWriter.storagesOf(entries), (storage, bytes) ->
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                        .put(original.tensor(owner.get(storage)).toFloatArray()));
    }
}
