package org.mtalens.runtime.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.mtalens.runtime.model.Trace;

/**
 * Every head's statistics and top cells for one document, from its trace: each layer is replayed once and its rows
 * streamed through {@link LayerStatistics} (never all maps of a document at once).
 *
 * @param heads one record per layer and head, by layer then head
 * @param cells each head's top cells, by layer, head, then largest |final - plain| first
 */
public record DocumentStatistics(List<HeadStatistics> heads, List<TopCell> cells) {
    public DocumentStatistics {
        heads = List.copyOf(heads);
        cells = List.copyOf(cells);
    }

    /**
     * @param document the document's id (for its top cells)
     * @param labels   one visible label per token (for the cells' context)
     * @param target   the find-the-block target, if any
     * @param topK     cells kept per head
     */
    public static DocumentStatistics of(Trace trace, String document, List<String> labels, Optional<TargetBlock> target,
                                        int topK, BooleanSupplier cancelled) {
        List<HeadStatistics> heads = new ArrayList<>();
        List<TopCell> cells = new ArrayList<>();
        for (int layer = 0; layer < trace.config().nLayers(); layer++) {
            LayerStatistics statistics = new LayerStatistics(layer, target, topK);
            trace.rows(layer, LayerStatistics.STAGES, Set.of(), statistics, cancelled);
            heads.addAll(statistics.heads());
            int l = layer;
            statistics.topCells().forEach((head, changes) -> changes.forEach(c -> cells.add(new TopCell(document, l, head,
                    c.query(), c.key(), c.plain(), c.finalWeight(), CellContext.around(labels, c.query()),
                    CellContext.around(labels, c.key())))));
        }
        return new DocumentStatistics(heads, cells);
    }
}
