package org.mtalens.runtime.config;

import java.util.List;
import java.util.stream.Collectors;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;

/**
 * Checks a layer, head or stage the user chose (an option of {@code run}, {@code snapshot}, ...) against a
 * model, and says what the valid ones are when it is not one of them. Every message starts with the option
 * as typed, e.g. {@code "--layers 7: the model has layers 0..3"}.
 */
public final class ModelChoices {
    private ModelChoices() {
    }

    /** @return {@code layer}, after checking the model has it */
    public static int layer(ModelConfig config, int layer, String option) {
        if (layer < 0 || layer >= config.nLayers()) {
            throw new InvalidInputException(option + " " + layer + ": the model has layers 0.." + (config.nLayers() - 1));
        }
        return layer;
    }

    /** @return {@code head}, after checking the model has it */
    public static int head(ModelConfig config, int head, String option) {
        if (head < 0 || head >= config.nHeads()) {
            throw new InvalidInputException(option + " " + head + ": the model has heads 0.." + (config.nHeads() - 1));
        }
        return head;
    }

    /** @return the stage named {@code id}; an unknown name lists the stage names */
    public static Stage stage(String id, String option) {
        try {
            return Stage.fromId(id);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(option + " " + ShownName.of(id) + ": " + e.getMessage());
        }
    }

    /** @throws InvalidInputException when {@code layer} does not run {@code stage}, naming its stages and the layers that run it */
    public static void requireStage(ModelConfig config, int layer, Stage stage, String option) {
        LayerPlan plan = config.layerPlan(layer);
        if (!plan.runs(stage)) {
            throw new InvalidInputException(option + " " + stage.id() + ": layer " + layer + " does not run it; its stages are "
                    + stageNames(plan) + whereItRuns(config, stage));
        }
    }

    /** @throws InvalidInputException when no layer among {@code layers} runs {@code stage} */
    public static void requireStageInSome(ModelConfig config, List<Integer> layers, Stage stage, String option) {
        if (layers.size() == 1) {
            requireStage(config, layers.get(0), stage, option);
        } else if (layers.stream().noneMatch(l -> config.layerPlan(l).runs(stage))) {
            boolean everyLayer = layers.size() == config.nLayers();
            String which = everyLayer ? "no layer of this model runs it"
                    : "none of layers " + layers.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " runs it";
            throw new InvalidInputException(option + " " + stage.id() + ": " + which + (everyLayer ? "" : whereItRuns(config, stage)));
        }
    }

    /** @return the layers that run {@code stage} */
    public static List<Integer> layersRunning(ModelConfig config, Stage stage) {
        return config.layerPlans().stream().filter(p -> p.runs(stage)).map(LayerPlan::layer).toList();
    }

    private static String whereItRuns(ModelConfig config, Stage stage) {
        List<Integer> layers = layersRunning(config, stage);
        return layers.isEmpty() ? " (no layer of this model runs " + stage.id() + ")"
                : " (" + stage.id() + " runs in layer" + (layers.size() == 1 ? " " : "s ")
                + layers.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private static String stageNames(LayerPlan plan) {
        return plan.stages().stream().map(Stage::id).collect(Collectors.joining(", "));
    }
}
