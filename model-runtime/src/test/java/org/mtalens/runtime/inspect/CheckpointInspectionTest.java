package org.mtalens.runtime.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.SafetensorsReader;
import org.mtalens.runtime.checkpoint.SafetensorsWriter;
import org.mtalens.runtime.checkpoint.Tensor;

class CheckpointInspectionTest {
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    private static KernelDrift drift(CheckpointInspection in, String name) {
        return in.kernels().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void keyQueryKernelDistanceIsMeasuredFromOneAtTheCurrentQueryAndCentreKey() {
        CheckpointInspection in = CheckpointInspection.inspect(InspectCommandTest.fixture("tiny"));
        float[] k = CheckpointLoader.load(InspectCommandTest.fixture("tiny"))
                .tensor("layers.1.attention.mta_kernel").toFloatArray(); // [4,1,3,5]
        double sum = 0;
        for (int h = 0; h < 4; h++) {
            for (int q = 0; q < 3; q++) {
                for (int c = 0; c < 5; c++) {
                    double identity = q == 2 && c == 2 ? 1 : 0;
                    double d = k[h * 15 + q * 5 + c] - identity;
                    sum += d * d;
                }
            }
        }

        assertThat(drift(in, "layers.1.attention.mta_kernel").distanceFromIdentity()).isCloseTo(Math.sqrt(sum), within(TOLERANCE));
        assertThat(drift(in, "layers.1.attention.mta_kernel").kind()).isEqualTo("mta_kernel");
        assertThat(in.kernels()).extracting(KernelDrift::name).contains("layers.1.attention.mta_kernel_after_sm",
                "layers.0.attention.head_kernel", "layers.0.attention.wpsm.weight");
    }

    @Test
    void headMixingDistanceIsMeasuredFromTheIdentityMatrix() {
        CheckpointInspection in = CheckpointInspection.inspect(InspectCommandTest.fixture("tiny-linear-heads"));
        float[] w = CheckpointLoader.load(InspectCommandTest.fixture("tiny-linear-heads"))
                .tensor("layers.0.attention.wposm.weight").toFloatArray(); // [4,4]
        double sum = 0;
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                double d = w[r * 4 + c] - (r == c ? 1 : 0);
                sum += d * d;
            }
        }

        assertThat(drift(in, "layers.0.attention.wposm.weight").distanceFromIdentity()).isCloseTo(Math.sqrt(sum), within(TOLERANCE));
    }

    @Test
    void identityInitialisedKernelsHaveNotMovedAndATiedOutputIsCountedOnce() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafetensorsReader.read(
                InspectCommandTest.fixture("tiny").resolve("model.safetensors")));
        tensors.remove("output.weight");
        tensors.put("layers.1.attention.mta_kernel", oneAt("layers.1.attention.mta_kernel", new long[] {4, 1, 3, 5},
                h -> h * 15 + 2 * 5 + 2));
        tensors.put("layers.0.attention.head_kernel", oneAt("layers.0.attention.head_kernel", new long[] {2, 2, 2},
                i -> i * 2 + (i % 2))); // [g, m, m] for g*2+m = i
        ObjectNode config = (ObjectNode) new ObjectMapper().readTree(
                InspectCommandTest.fixture("tiny").resolve("config.json").toFile());
        config.put("weight_tying", true);
        Files.writeString(dir.resolve("config.json"), config.toString());
        SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors);

        CheckpointInspection in = CheckpointInspection.inspect(dir);

        assertThat(drift(in, "layers.1.attention.mta_kernel").distanceFromIdentity()).isZero();
        assertThat(drift(in, "layers.1.attention.mta_kernel").norm()).isCloseTo(2.0, within(TOLERANCE));
        assertThat(drift(in, "layers.0.attention.head_kernel").distanceFromIdentity()).isZero();
        assertThat(drift(in, "layers.1.attention.mta_kernel_after_sm").distanceFromIdentity()).isPositive();
        long stored = tensors.values().stream().mapToLong(Tensor::elementCount).sum();
        assertThat(in.totalParameters()).isEqualTo(stored);
        assertThat(in.parameters()).filteredOn(ParameterRow::tied).extracting(ParameterRow::name)
                .containsExactly("output.tied_module.weight");
    }

    /** A F32 tensor of zeros with 1 at {@code index(i)} for i = 0, 1, ... while it stays inside. */
    private static Tensor oneAt(String name, long[] shape, java.util.function.IntUnaryOperator index) {
        int count = (int) Tensor.elementCount(shape);
        ByteBuffer b = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; index.applyAsInt(i) < count; i++) {
            b.putFloat(index.applyAsInt(i) * 4, 1f);
        }
        return new Tensor(name, shape, DType.F32, b);
    }
}
