package org.mtalens.runtime.checkpoint;

import org.mtalens.runtime.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class CompactDTypeTest {
    @TempDir
    Path dir;

    /** Relative rounding of one value: half an ulp of the target's 8 (BF16) or 11 (F16) significant bits. */
    private static double relativeRounding(DType dtype) {
        return dtype == DType.BF16 ? 0x1p-8 : 0x1p-11;
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"BF16", "F16"})
    void aFixtureConvertedToACompactDtypeLoadsAndDiffersFromF32OnlyByRounding(DType dtype) throws IOException {
        Checkpoint f32 = CheckpointLoader.load(Fixtures.folder("tiny"), CheckpointFormat.SAFETENSORS);
        Map<String, Tensor> narrowed = new LinkedHashMap<>();
        f32.tensors().forEach((k, t) -> narrowed.put(k, TensorConversion.to(t, dtype)));
        Files.copy(Fixtures.folder("tiny").resolve("config.json"), dir.resolve("config.json"));
        SafetensorsWriter.write(dir.resolve("model.safetensors"), narrowed);

        Checkpoint compact = CheckpointLoader.load(dir);

        assertThat(compact.tensors().keySet()).containsExactlyElementsOf(f32.tensors().keySet());
        double tolerance = relativeRounding(dtype);
        long changed = 0;
        for (String key : f32.tensors().keySet()) {
            assertThat(compact.tensor(key).dtype()).isEqualTo(dtype);
            float[] exact = f32.tensor(key).toFloatArray();
            float[] rounded = compact.tensor(key).toFloatArray();
            for (int i = 0; i < exact.length; i++) {
                double bound = Math.abs(exact[i]) * tolerance + 1e-7; // 1e-7 covers F16 subnormals
                assertThat((double) Math.abs(rounded[i] - exact[i])).as("%s[%d]", key, i).isLessThanOrEqualTo(bound);
                changed += rounded[i] != exact[i] ? 1 : 0;
            }
        }
        assertThat(changed).as("values that rounding changed").isPositive();
        assertThat(Files.size(dir.resolve("model.safetensors")))
                .isLessThan(Files.size(Fixtures.folder("tiny").resolve("model.safetensors")) * 6 / 10);
    }
}
