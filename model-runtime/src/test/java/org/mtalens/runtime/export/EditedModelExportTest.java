package org.mtalens.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.PassProgress;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.TraceRequest;
import org.mtalens.runtime.model.WeightEditParser;
import org.mtalens.runtime.model.WeightEdits;
import org.mtalens.runtime.testing.Fixtures;

class EditedModelExportTest {
    @TempDir
    Path dir;

    /** Saved from the safetensors layout and from the official one (params.json turned into config.json). */
    @ParameterizedTest
    @ValueSource(strings = {"", "consolidated"})
    void aSavedEditedModelReloadsWithTheEditsAndRunsAsTheOverlayDid(String layout) throws Exception {
        Checkpoint original = CheckpointLoader.load(Fixtures.folder("tiny").resolve(layout));
        WeightEdits edits = WeightEditParser.parse(List.of("L1.pre_sm_conv.head1=[[0,0,0,0,0],[0,0.5,0,0,0],[0,0,1,0,-0.25]]",
                "L0.head_kernel.group1=[[0,1],[1,0]]"), original.config());
        int[] tokens = Fixtures.tokens("tiny");
        EditedModelExport.write(original, edits, dir.resolve("edited"));
        Checkpoint saved = CheckpointLoader.load(dir.resolve("edited"));
        assertThat(EditedModelExport.recordedEdits(saved)).isEqualTo(edits);
        assertThat(saved.displayName()).isEqualTo("tiny (edited)");
        assertThat(saved.tensor("layers.1.attention.wq.weight").toFloatArray())
                .containsExactly(original.tensor("layers.1.attention.wq.weight").toFloatArray());
        try (ModelRunner overlay = ModelRunner.load(original, Device.cpu());
             ModelRunner reloaded = ModelRunner.load(saved, Device.cpu())) {
            Trace expected = overlay.trace(TraceRequest.of(tokens).withEdits(edits), PassProgress.NONE);
            Trace actual = reloaded.trace(TraceRequest.of(tokens), PassProgress.NONE);
            Trace intact = overlay.trace(TraceRequest.of(tokens), PassProgress.NONE);
            for (int layer = 0; layer < 2; layer++) {
                List<AttentionMap> maps = actual.maps(layer, MapQuery.all()).maps();
                for (AttentionMap map : maps) {
                    assertThat(map.values()).as("layer %d head %d %s", layer, map.head(), map.stage().id())
                            .containsExactly(expected.maps(layer, MapQuery.all()).map(map.stage(), map.head())
                                    .orElseThrow().values());
                }
            }
            assertThat(actual.logits(tokens.length - 1)).containsExactly(expected.logits(tokens.length - 1));
            assertThat(actual.logits(tokens.length - 1)).isNotEqualTo(intact.logits(tokens.length - 1));
        }
    }

    @Test
    void aCheckpointThatWasNotEditedRecordsNoEditsAndItsOwnFolderIsRefused() throws Exception {
        Path copy = dir.resolve("tiny");
        Files.createDirectories(copy.resolve("consolidated"));
        for (String file : List.of("model.safetensors", "config.json", "consolidated/consolidated.pth", "consolidated/params.json")) {
            Files.copy(Fixtures.folder("tiny").resolve(file), copy.resolve(file));
        }
        byte[] weights = Files.readAllBytes(copy.resolve("model.safetensors"));
        Checkpoint safetensors = CheckpointLoader.load(copy.resolve("model.safetensors"));
        Checkpoint official = CheckpointLoader.load(copy.resolve("consolidated"));
        assertThat(EditedModelExport.recordedEdits(safetensors).isNone()).isTrue();
        for (Checkpoint original : List.of(safetensors, official)) {
            assertThatThrownBy(() -> EditedModelExport.write(original, WeightEdits.none(), copy))
                    .as(original.source().toString())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("elsewhere");
        }
        assertThat(Files.readAllBytes(copy.resolve("model.safetensors"))).isEqualTo(weights);
    }
}
