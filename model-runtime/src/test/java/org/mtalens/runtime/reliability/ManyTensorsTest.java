package org.mtalens.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.checkpoint.SafetensorsReader;
import org.mtalens.runtime.checkpoint.Tensor;

/**
 * A file of tens of thousands of tensors costs a few memory mappings, not one each: Linux allows a process
 * about 65,530 mappings, and one per tensor exhausted them (the JVM then died for want of memory it could
 * not map).
 */
class ManyTensorsTest {
    private static final int TENSORS = 70_000;

    @TempDir
    Path dir;

    private static long mappings() throws IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.count();
        }
    }

    @Test
    void seventyThousandTensorsLoadWithAFewMappings() throws IOException {
        StringBuilder header = new StringBuilder("{");
        for (int i = 0; i < TENSORS; i++) {
            header.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":{\"dtype\":\"F32\",\"shape\":[1],")
                    .append("\"data_offsets\":[").append(4 * i).append(',').append(4 * i + 4).append("]}");
        }
        Path file = Files.write(dir.resolve("model.safetensors"), HostileCheckpoints.header(header.append('}').toString(),
                4 * TENSORS));
        long before = mappings();

        Map<String, Tensor> tensors = SafetensorsReader.read(file);

        assertThat(tensors).hasSize(TENSORS);
        assertThat(tensors.get("t69999").toFloatArray()).containsExactly(0f);
        assertThat(mappings() - before).isLessThan(1_000);
    }
}
