package org.mtalens.runtime.checkpoint;

import org.mtalens.runtime.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtalens.runtime.config.LayerPlan;

class CheckpointLoaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "tiny-plain-gqa", "tiny-linear-heads"})
    void officialAndSafetensorsLayoutsLoadToIdenticalTensors(String fixture) {
        Checkpoint official = CheckpointLoader.load(Fixtures.folder(fixture), CheckpointFormat.OFFICIAL_PTH);
        Checkpoint safetensors = CheckpointLoader.load(Fixtures.folder(fixture), CheckpointFormat.SAFETENSORS);

        assertThat(official.format()).isEqualTo(CheckpointFormat.OFFICIAL_PTH);
        assertThat(safetensors.format()).isEqualTo(CheckpointFormat.SAFETENSORS);
        assertThat(official.tensors().keySet()).containsExactlyElementsOf(safetensors.tensors().keySet());
        for (String key : official.tensors().keySet()) {
            Tensor a = official.tensor(key);
            Tensor b = safetensors.tensor(key);
            assertThat(a.shape()).as(key).isEqualTo(b.shape());
            assertThat(a.toFloatArray()).as(key).isEqualTo(b.toFloatArray());
        }
        assertThat(official.config().mta()).isEqualTo(safetensors.config().mta());
        assertThat(official.config().layerPlans()).isEqualTo(safetensors.config().layerPlans());
        assertThat(official.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "tiny-plain-gqa", "tiny-linear-heads"})
    void stagePlanMatchesTheOfficialRun(String fixture) throws IOException {
        Checkpoint checkpoint = CheckpointLoader.load(Fixtures.folder(fixture));
        JsonNode meta = new ObjectMapper().readTree(Fixtures.folder(fixture).resolve("maps-meta.json").toFile());

        List<List<String>> expected = new ArrayList<>();
        meta.get("layers").forEach(layer -> {
            List<String> stages = new ArrayList<>();
            layer.get("stages").forEach(s -> stages.add(s.asText()));
            expected.add(stages);
        });
        List<List<String>> actual = checkpoint.config().layerPlans().stream()
                .map(LayerPlan::stages).map(s -> s.stream().map(st -> st.id()).toList()).toList();
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "consolidated", "consolidated/consolidated.pth", "model.safetensors"})
    void loadsFromTheFolderItsConsolidatedFolderOrTheWeightsFile(String relative) {
        Path path = Fixtures.folder("tiny").resolve(relative);

        Checkpoint checkpoint = CheckpointLoader.load(path);

        assertThat(checkpoint.format()).isEqualTo(relative.endsWith("safetensors")
                ? CheckpointFormat.SAFETENSORS : CheckpointFormat.OFFICIAL_PTH);
        assertThat(checkpoint.config().name()).isEqualTo("tiny");
        assertThat(checkpoint.tensor("layers.1.attention.mta_kernel").shape()).containsExactly(4, 1, 3, 5);
    }
}
