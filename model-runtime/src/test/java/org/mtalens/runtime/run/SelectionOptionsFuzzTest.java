package org.mtalens.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.Ablation;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.testing.Fixtures;

/**
 * Any {@code --layers}, {@code --stages}, {@code --heads} and {@code --ablate} text gives a selection of parts the
 * model has (every stage run by a chosen layer), or a message that starts with the option and names the valid ones.
 */
class SelectionOptionsFuzzTest {
    private static final class Tiny {
        static final ModelConfig CONFIG = CheckpointLoader.readConfig(
                org.mtalens.runtime.checkpoint.CheckpointLayout.locate(Fixtures.folder("tiny")));
    }

    @FuzzTest(maxDuration = "10m")
    void anyListsAreTheModelsPartsOrAMessageNamingTheValidOnes(FuzzedDataProvider data) {
        String layers = data.consumeString(16);
        String stages = data.consumeString(48);
        String heads = data.consumeString(16);
        String ablate = data.consumeRemainingAsString();
        ModelConfig config = Tiny.CONFIG;
        try {
            Ablation ablation = Ablation.parse(ablate, config);
            CaptureSelection selection = SelectionOptions.parse(layers, stages, heads, config, ablation);
            selection.layers().ifPresent(set -> assertThat(set).allMatch(l -> l >= 0 && l < config.nLayers()));
            selection.heads().ifPresent(set -> assertThat(set).allMatch(h -> h >= 0 && h < config.nHeads()));
            for (Stage stage : selection.stages().orElse(java.util.Set.of())) {
                assertThat(config.layerPlans()).anyMatch(p -> selection.wants(p.layer(), stage) && p.runs(stage));
            }
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).satisfiesAnyOf(
                    m -> assertThat(m).startsWith("ablation item").contains("0.."),
                    m -> assertThat(m).matches("(?s)--(layers|heads) .*: (not a number; )?the model has (layers|heads) 0\\.\\.\\d+"),
                    m -> assertThat(m).matches("(?s)--(layers|heads|stages) .*: an empty item \\(two commas in a row\\?\\)"),
                    m -> assertThat(m).startsWith("--stages ").containsAnyOf("stages are scores", "does not run it",
                            "runs it", "switches it off"),
                    m -> assertThat(m).containsAnyOf("ablation", "--ablate", "ablate"));
        }
    }
}
