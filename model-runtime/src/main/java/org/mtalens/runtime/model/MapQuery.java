package org.mtalens.runtime.model;

import java.util.Set;
import org.mtalens.runtime.config.Stage;

/**
 * Which maps of one layer a view asks for.
 *
 * @param stages the stages, or empty for every stage the layer runs
 * @param heads  the heads, or empty for every head
 */
public record MapQuery(Set<Stage> stages, Set<Integer> heads) {
    public MapQuery {
        stages = Set.copyOf(stages);
        heads = Set.copyOf(heads);
    }

    /** Every stage of every head. */
    public static MapQuery all() {
        return new MapQuery(Set.of(), Set.of());
    }

    /** Every stage of one head. */
    public static MapQuery head(int head) {
        return new MapQuery(Set.of(), Set.of(head));
    }

    /** One stage of every head. */
    public static MapQuery stage(Stage stage) {
        return new MapQuery(Set.of(stage), Set.of());
    }

    /** @return the selection of this query on {@code layer} */
    CaptureSelection on(int layer) {
        return CaptureSelection.of(Set.of(layer), stages.isEmpty() ? null : stages, heads.isEmpty() ? null : heads);
    }
}
