package org.mtalens.app.adapt;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.MapPooling;
import org.mtalens.runtime.model.RowListener;
import org.mtalens.runtime.model.Trace;
import org.mtalens.viz.colour.ValueSummary;
import org.mtalens.viz.grid.PooledMatrix;

/**
 * One layer's grid thumbnails from one replay: each head's map pooled as its rows arrive, and summarised (min, max,
 * histogram) for the grid's shared colour scale; no whole map is held.
 */
public final class GridThumbnails implements RowListener {
    private final MapPooling pooling;
    private final Map<Integer, ValueSummary> summaries = new TreeMap<>();

    private GridThumbnails(int layer, int tokens, int size) {
        pooling = new MapPooling(layer, tokens, size);
    }

    /** @return by head, the thumbnails of {@code layer}'s maps at {@code stage} (runs on the inference thread) */
    public static Map<Integer, PooledMatrix> of(Trace trace, int layer, Stage stage, int size, java.util.function.BooleanSupplier cancelled) {
        GridThumbnails thumbnails = new GridThumbnails(layer, trace.length(), size);
        trace.rows(layer, java.util.Set.of(stage), java.util.Set.of(), thumbnails, cancelled);
        Map<Integer, PooledMatrix> byHead = new TreeMap<>();
        pooling(thumbnails).forEach(map -> byHead.put(map.head(), VizAdapter.pooled(map, thumbnails.summaries.get(map.head()))));
        return byHead;
    }

    private static List<org.mtalens.runtime.model.PooledMap> pooling(GridThumbnails thumbnails) {
        return thumbnails.pooling.maps();
    }

    @Override
    public void row(Stage stage, int head, int query, float[] row) {
        pooling.row(stage, head, query, row);
        ValueSummary summary = summaries.computeIfAbsent(head, h -> ValueSummary.empty());
        for (int key = 0; key <= query; key++) {
            summary.add(row[key]);
        }
    }
}
