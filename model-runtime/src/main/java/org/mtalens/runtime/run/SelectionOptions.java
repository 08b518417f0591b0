package org.mtalens.runtime.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;
import org.mtalens.runtime.config.ModelChoices;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AblatedPart;
import org.mtalens.runtime.model.Ablation;
import org.mtalens.runtime.model.CaptureSelection;

/**
 * Parses the command line's {@code --layers}, {@code --stages} and {@code --heads} lists ("all" or
 * comma-separated) and checks them against the model, whether or not anything is exported: a layer or head it
 * does not have, an unknown stage, or a stage that none of the chosen layers runs (or that {@code --ablate}
 * switches off in all of them) is an {@link InvalidInputException} naming the valid ones.
 */
public final class SelectionOptions {
    private SelectionOptions() {
    }

    static CaptureSelection parse(String layers, String stages, String heads, ModelConfig config, Ablation ablation) {
        Set<Integer> layerSet = list("--layers", layers, t -> ModelChoices.layer(config, number("--layers", t, config), "--layers"));
        Set<Integer> headSet = list("--heads", heads, t -> ModelChoices.head(config, number("--heads", t, config), "--heads"));
        Set<Stage> stageSet = list("--stages", stages, t -> ModelChoices.stage(t, "--stages"));
        if (stageSet != null) {
            List<Integer> chosen = layerSet != null ? List.copyOf(layerSet)
                    : IntStream.range(0, config.nLayers()).boxed().toList();
            for (Stage stage : stageSet) {
                ModelChoices.requireStageInSome(config, chosen, stage, "--stages");
                requireNotSwitchedOffEverywhere(config, chosen, stage, ablation);
            }
        }
        return CaptureSelection.of(layerSet, stageSet, headSet);
    }

    /** A stage that --ablate switches off is skipped, so it must still run in one chosen layer. */
    private static void requireNotSwitchedOffEverywhere(ModelConfig config, List<Integer> layers, Stage stage,
                                                        Ablation ablation) {
        Optional<AblatedPart> part = AblatedPart.skipping(stage);
        List<Integer> running = layers.stream().filter(l -> config.layerPlan(l).runs(stage)).toList();
        if (part.isPresent() && running.stream().allMatch(l -> ablation.layerOff(l, part.get()))) {
            throw new InvalidInputException("--stages " + stage.id() + ": --ablate switches it off in layer"
                    + (running.size() == 1 ? " " : "s ") + running.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + ", so no map of it would be exported");
        }
    }

    /** @return the layers {@code --layers} names, ascending: every layer of the model for "all"; one it lacks is named */
    public static List<Integer> layers(String text, ModelConfig config) {
        Set<Integer> chosen = list("--layers", text, t -> ModelChoices.layer(config, number("--layers", t, config), "--layers"));
        return chosen == null ? IntStream.range(0, config.nLayers()).boxed().toList() : chosen.stream().sorted().toList();
    }

    /** @return null for "all" */
    private static <T> Set<T> list(String option, String text, Function<String, T> parse) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("all")) {
            return null;
        }
        Set<T> values = new LinkedHashSet<>();
        List<String> parts = new ArrayList<>(List.of(text.split(",", -1)));
        for (String part : parts) {
            if (part.isBlank()) {
                throw new InvalidInputException(option + " " + ShownName.of(text) + ": an empty item (two commas in a row?)");
            }
            values.add(parse.apply(part.trim()));
        }
        return values;
    }

    private static int number(String option, String text, ModelConfig config) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            String valid = option.equals("--layers") ? "layers 0.." + (config.nLayers() - 1) : "heads 0.." + (config.nHeads() - 1);
            throw new InvalidInputException(option + " " + ShownName.of(text) + ": not a number; the model has " + valid);
        }
    }
}
