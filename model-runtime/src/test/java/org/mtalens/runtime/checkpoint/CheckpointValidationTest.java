package org.mtalens.runtime.checkpoint;

import org.mtalens.runtime.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;

class CheckpointValidationTest {
    @TempDir
    Path dir;

    private Map<String, Tensor> tinyTensors() {
        return new LinkedHashMap<>(SafetensorsReader.read(Fixtures.folder("tiny").resolve("model.safetensors")));
    }

    private Path writeTiny(Map<String, Tensor> tensors) throws IOException {
        Files.copy(Fixtures.folder("tiny").resolve("config.json"), dir.resolve("config.json"));
        SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors);
        return dir;
    }

    @Test
    void aMissingTensorIsNamed() throws IOException {
        Map<String, Tensor> tensors = tinyTensors();
        tensors.remove("layers.1.attention.mta_kernel_after_sm");

        assertThatThrownBy(() -> CheckpointLoader.load(writeTiny(tensors))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing tensor 'layers.1.attention.mta_kernel_after_sm'");
    }

    @Test
    void anUnexpectedTensorIsNamed() throws IOException {
        Map<String, Tensor> tensors = tinyTensors();
        tensors.put("layers.0.attention.mta_kernel", new Tensor("layers.0.attention.mta_kernel", new long[] {1},
                DType.F32, ByteBuffer.allocate(4)));

        assertThatThrownBy(() -> CheckpointLoader.load(writeTiny(tensors)))
                .hasMessageContaining("unexpected tensor 'layers.0.attention.mta_kernel'");
    }

    @Test
    void aTensorWhoseShapeDisagreesWithTheConfigIsNamedWithBothShapes() throws IOException {
        Map<String, Tensor> tensors = tinyTensors();
        String key = "layers.1.attention.mta_kernel";
        tensors.put(key, new Tensor(key, new long[] {4, 1, 5, 3}, DType.F32, tensors.get(key).data()));

        assertThatThrownBy(() -> CheckpointLoader.load(writeTiny(tensors)))
                .hasMessageContaining("tensor 'layers.1.attention.mta_kernel' has shape [4, 1, 5, 3]")
                .hasMessageContaining("needs [4, 1, 3, 5]");
    }

    @Test
    void nonFiniteWeightsLoadWithAWarningNamingTheTensorAndCount() throws IOException {
        Map<String, Tensor> tensors = tinyTensors();
        String key = "norm.weight";
        ByteBuffer bytes = ByteBuffer.allocate(64 * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(tensors.get(key).data().duplicate()).flip();
        bytes.putFloat(0, Float.NaN).putFloat(4, Float.POSITIVE_INFINITY).putFloat(8, Float.NEGATIVE_INFINITY);
        tensors.put(key, new Tensor(key, new long[] {64}, DType.F32, bytes));

        Checkpoint checkpoint = CheckpointLoader.load(writeTiny(tensors));

        assertThat(checkpoint.warnings()).singleElement().asString()
                .contains("'norm.weight'").contains("3 non-finite values");
    }

    @Test
    void anEmptyFolderSaysItIsEmptyAndWhatWasExpected() {
        assertThatThrownBy(() -> CheckpointLoader.load(dir))
                .hasMessageContaining("the folder is empty")
                .hasMessageContaining("consolidated/consolidated.pth").hasMessageContaining("model.safetensors");
    }

    @Test
    void aFolderWithNeitherLayoutListsWhatItHolds() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Files.writeString(dir.resolve("pytorch_model.bin"), "x");

        assertThatThrownBy(() -> CheckpointLoader.load(dir))
                .hasMessageContaining("no checkpoint in this folder (it holds notes.txt, pytorch_model.bin)");
    }

    @Test
    void weightsWithoutTheirConfigNameTheMissingConfig() throws IOException {
        Files.copy(Fixtures.folder("tiny").resolve("model.safetensors"), dir.resolve("model.safetensors"));

        assertThatThrownBy(() -> CheckpointLoader.load(dir)).hasMessageContaining("no config.json beside them");
    }

    @Test
    void aPathThatDoesNotExistIsNamed() {
        assertThatThrownBy(() -> CheckpointLoader.load(dir.resolve("nowhere")))
                .hasMessageContaining("nowhere: no such file or folder");
    }
}
