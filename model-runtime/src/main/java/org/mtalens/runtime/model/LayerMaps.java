package org.mtalens.runtime.model;

import java.util.List;
import java.util.Optional;
import org.mtalens.runtime.config.Stage;

/**
 * Some maps of one layer (the stages and heads a view asked for), as a replay of the layer made them.
 *
 * @param layer the layer
 * @param maps  its maps in forward order (stage, then head)
 */
public record LayerMaps(int layer, List<AttentionMap> maps) {
    public LayerMaps {
        maps = List.copyOf(maps);
    }

    /** @return one head's map at one stage, if it was asked for (and the layer runs that stage) */
    public Optional<AttentionMap> map(Stage stage, int head) {
        return maps.stream().filter(m -> m.stage() == stage && m.head() == head).findFirst();
    }

    /** @return whether these maps hold every map of {@code query} that a layer running {@code stages} has */
    public boolean covers(MapQuery query, List<Stage> stages, int heads) {
        for (Stage stage : stages) {
            if (!query.stages().isEmpty() && !query.stages().contains(stage)) {
                continue;
            }
            for (int head = 0; head < heads; head++) {
                if ((query.heads().isEmpty() || query.heads().contains(head)) && map(stage, head).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return the bytes the maps hold */
    public long bytes() {
        return maps.stream().mapToLong(m -> AttentionMap.bytes(m.tokens())).sum();
    }
}
