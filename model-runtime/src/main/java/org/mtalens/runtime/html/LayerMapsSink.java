package org.mtalens.runtime.html;

import java.io.IOException;
import java.util.List;
import org.mtalens.runtime.model.AttentionMap;

/**
 * Takes a run's maps one layer at a time: every stage and head of one layer per call, so whoever produces the
 * maps (a full run today, a layer replayed from a trace tomorrow) never holds more than one layer's maps.
 */
public interface LayerMapsSink {
    /**
     * @param layer the layer the maps belong to
     * @param maps  its maps, [T, T] each, for every stage the layer runs and every head
     */
    void layer(int layer, List<AttentionMap> maps) throws IOException;
}
