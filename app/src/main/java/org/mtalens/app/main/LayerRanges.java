package org.mtalens.app.main;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.Trace;
import org.mtalens.viz.colour.ValueSummary;

/**
 * A layer's value summary at each of its stages over every head, streamed row by row from one replay of the layer:
 * the range "shared by the layer's heads" when the views hold only the shown head (a long input).
 */
final class LayerRanges {
    private LayerRanges() {
    }

    /** @return per stage, the summary of every head's map of {@code layer} (keys 0..query of each row) */
    static Map<Stage, ValueSummary> of(Trace trace, int layer, BooleanSupplier cancelled) {
        Map<Stage, ValueSummary> ranges = new EnumMap<>(Stage.class);
        trace.rows(layer, Set.of(), Set.of(), (stage, head, query, row) -> ranges.merge(stage,
                ValueSummary.of(row, 1, query + 1, false), ValueSummary::merge), cancelled);
        return ranges;
    }
}
