package org.mtalens.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.SafetensorsReader;
import org.mtalens.runtime.checkpoint.SafetensorsWriter;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.checkpoint.TensorConversion;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.RunRequest;
import org.mtalens.runtime.model.RunResult;

/**
 * Files that are unusual but not broken load: a BF16 safetensors (DJL's own decoder aborts the JVM on
 * BF16, so it must never reach it), and weights with NaN or infinity (a warning, and maps that show NaN).
 */
class CompactAndNonFiniteWeightsTest {
    private static final int[] TOKENS = {3, 1, 4, 1, 5, 9, 2, 6};
    private static final String WQ = "layers.1.attention.wq.weight";

    @TempDir
    Path dir;

    private Map<String, Tensor> tinyTensors() throws IOException {
        Path file = Files.write(dir.resolve("fixture.safetensors"), HostileCheckpoints.resource("model.safetensors"));
        return new LinkedHashMap<>(SafetensorsReader.read(file));
    }

    private Path checkpoint(String name, Map<String, Tensor> tensors) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.write(folder.resolve("config.json"), HostileCheckpoints.resource("config.json"));
        SafetensorsWriter.write(folder.resolve("model.safetensors"), tensors);
        return folder;
    }

    private static RunResult run(Path folder, CaptureSelection capture) {
        try (ModelRunner runner = ModelRunner.load(CheckpointLoader.load(folder), Device.cpu())) {
            return runner.run(new RunRequest(TOKENS, capture, false));
        }
    }

    @Test
    void aBFloat16CheckpointLoadsAndRunsLikeTheSameValuesInFloat32() throws IOException {
        Map<String, Tensor> bf16 = new LinkedHashMap<>();
        Map<String, Tensor> sameValuesInF32 = new LinkedHashMap<>();
        tinyTensors().forEach((key, t) -> {
            Tensor narrowed = TensorConversion.to(t, DType.BF16);
            bf16.put(key, narrowed);
            sameValuesInF32.put(key, TensorConversion.to(narrowed, DType.F32));
        });

        Checkpoint loaded = CheckpointLoader.load(checkpoint("bf16", bf16));
        RunResult fromBf16 = run(checkpoint("bf16", bf16), CaptureSelection.none());
        RunResult fromF32 = run(checkpoint("f32", sameValuesInF32), CaptureSelection.none());

        assertThat(loaded.tensor(WQ).dtype()).isEqualTo(DType.BF16);
        assertThat(loaded.warnings()).isEmpty();
        float[] expected = fromF32.logits();
        float[] actual = fromBf16.logits();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("logit %d", i).isCloseTo(expected[i], Offset.offset(1e-4f));
        }
    }

    @Test
    void nanAndInfinityWeightsLoadWithAWarningAndTheMapsShowNan() throws IOException {
        Map<String, Tensor> tensors = tinyTensors();
        float[] wq = tensors.get(WQ).toFloatArray();
        wq[0] = Float.NaN;
        wq[1] = Float.POSITIVE_INFINITY;
        ByteBuffer bytes = ByteBuffer.allocate(wq.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(wq);
        tensors.put(WQ, new Tensor(WQ, new long[] {64, 64}, DType.F32, bytes));
        Path folder = checkpoint("nan", tensors);

        Checkpoint loaded = CheckpointLoader.load(folder);
        RunResult result = run(folder, CaptureSelection.all());

        assertThat(loaded.warnings()).singleElement().asString().contains("'" + WQ + "'").contains("2 non-finite values");
        AttentionMap scores = result.map(1, Stage.SCORES, 0).orElseThrow();
        assertThat(scores.value(0, 0)).isNaN();
        AttentionMap firstLayer = result.map(0, Stage.SCORES, 0).orElseThrow();
        assertThat(firstLayer.value(0, 0)).isFinite();
    }
}
