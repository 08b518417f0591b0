package org.mtalens.runtime.model;

import java.util.Optional;
import java.util.Set;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;

/**
 * Which maps a run keeps: layers, stages and heads (each empty = all). Stages a layer does not run
 * are simply absent from the result.
 */
public record CaptureSelection(Optional<Set<Integer>> layers, Optional<Set<Stage>> stages, Optional<Set<Integer>> heads) {
    /** Every stage of every layer and head. */
    public static CaptureSelection all() {
        return new CaptureSelection(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** No maps at all (logits only). */
    public static CaptureSelection none() {
        return new CaptureSelection(Optional.of(Set.of()), Optional.of(Set.of()), Optional.of(Set.of()));
    }

    /** @return a selection of these layers, stages and heads; null means all */
    public static CaptureSelection of(Set<Integer> layers, Set<Stage> stages, Set<Integer> heads) {
        return new CaptureSelection(Optional.ofNullable(layers).map(Set::copyOf), Optional.ofNullable(stages).map(Set::copyOf),
                Optional.ofNullable(heads).map(Set::copyOf));
    }

    /** @return whether maps of this layer and stage are kept */
    public boolean wants(int layer, Stage stage) {
        return layers.map(l -> l.contains(layer)).orElse(true) && stages.map(s -> s.contains(stage)).orElse(true)
                && heads.map(h -> !h.isEmpty()).orElse(true);
    }

    /** @return whether this head is kept */
    public boolean wantsHead(int head) {
        return heads.map(h -> h.contains(head)).orElse(true);
    }

    /** Rejects layer or head numbers the model does not have, naming them. */
    public void validateFor(ModelConfig config) {
        layers.ifPresent(set -> set.forEach(l -> {
            if (l < 0 || l >= config.nLayers()) {
                throw new InvalidInputException("layer " + l + " does not exist; the model has layers 0.." + (config.nLayers() - 1));
            }
        }));
        heads.ifPresent(set -> set.forEach(h -> {
            if (h < 0 || h >= config.nHeads()) {
                throw new InvalidInputException("head " + h + " does not exist; the model has heads 0.." + (config.nHeads() - 1));
            }
        }));
    }

    /** @return how many [T, T] maps this selection keeps for {@code config} */
    public long mapCount(ModelConfig config) {
        long heads = 0;
        for (int h = 0; h < config.nHeads(); h++) {
            heads += wantsHead(h) ? 1 : 0;
        }
        long maps = 0;
        for (var plan : config.layerPlans()) {
            for (Stage stage : plan.stages()) {
                maps += wants(plan.layer(), stage) ? heads : 0;
            }
        }
        return maps;
    }
}
