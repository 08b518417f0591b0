package org.mtalens.runtime.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.config.Stage;

/**
 * Pools one layer's maps row by row as a replay delivers them ({@link PooledMap}): no whole map is held. Give it to
 * {@link Trace#rows} (alone, or beside other listeners of the same replay).
 */
public final class MapPooling implements RowListener {
    private final int layer;
    private final int tokens;
    private final int size;
    private final Map<String, Pool> pools = new LinkedHashMap<>();

    /** @param size the most cells per side */
    public MapPooling(int layer, int tokens, int size) {
        this.layer = layer;
        this.tokens = tokens;
        this.size = Math.max(1, Math.min(size, tokens));
    }

    private static final class Pool {
        final Stage stage;
        final int head;
        final float[] values;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;

        Pool(Stage stage, int head, int cells) {
            this.stage = stage;
            this.head = head;
            this.values = new float[cells];
        }
    }

    @Override
    public void row(Stage stage, int head, int query, float[] row) {
        Pool pool = pools.computeIfAbsent(stage.id() + "/" + head, k -> new Pool(stage, head, size * size));
        int rowStart = bin(query) * size;
        float[] cells = pool.values;
        for (int key = 0; key <= query; key++) {
            float v = row[key];
            int cell = rowStart + bin(key);
            if (Math.abs(v) > Math.abs(cells[cell])) {
                cells[cell] = v;
            }
            pool.min = Math.min(pool.min, v);
            pool.max = Math.max(pool.max, v);
        }
    }

    private int bin(int position) {
        return (int) ((long) position * size / tokens);
    }

    /** @return the pooled maps, in the order their first rows arrived */
    public List<PooledMap> maps() {
        List<PooledMap> maps = new ArrayList<>();
        for (Pool p : pools.values()) {
            maps.add(new PooledMap(layer, p.stage, p.head, tokens, size, p.values, p.min, p.max));
        }
        return maps;
    }
}
