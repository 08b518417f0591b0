package org.mtalens.app.session;

import java.util.Set;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.Trace;

/**
 * Which maps of the selected layer the views hold: every stage of every head when they fit the views' memory
 * ({@link ViewMemory}, beside the trace and the shown head's maps as the views draw them), else every stage of the selected head, else the selected stage of the selected head. The
 * budget limits what a view holds; it is never a reason to show nothing.
 *
 * @param query what to ask the trace for
 * @param note  why less than the whole layer is held, for the status bar; empty when it is whole
 */
public record MapScope(MapQuery query, String note) {
    /** @return the scope for {@code layer} of a run over {@code tokens} tokens, showing {@code head} and {@code stage} */
    public static MapScope of(ModelConfig config, ViewMemory memory, int layer, int tokens, int head, Stage stage) {
        LayerPlan plan = config.layerPlan(layer);
        int stages = plan.stages().size();
        long free = memory.bytes() - Trace.bytes(config, tokens) - drawnBytes(stages, tokens);
        long map = org.mtalens.runtime.model.AttentionMap.bytes(tokens);
        if ((long) stages * config.nHeads() * map <= free) {
            return new MapScope(MapQuery.all(), "");
        }
        String whole = String.format("all %d heads of layer %d at T=%d need %s", config.nHeads(), layer, tokens,
                gigabytes((long) stages * config.nHeads() * map));
        // free: what the views may hold less the trace and the maps as drawn (the status bar has room for one line)
        String room = String.format(", more than the %s free for maps.", gigabytes(Math.max(0, free)));
        if (stages * map <= free) {
            return new MapScope(MapQuery.head(head), "Showing one head at a time: " + whole + room);
        }
        Stage shown = plan.runs(stage) ? stage : Stage.FINAL;
        return new MapScope(new MapQuery(Set.of(shown), Set.of(head)), "Showing one map at a time: " + whole
                + ", one head's " + stages + " stages " + gigabytes(stages * map) + room);
    }

    /**
     * @return the bytes of what the views draw beside the maps held: the shown head's stages, each a whole T x T
     *         matrix (the maps held are causal triangles, half of that)
     */
    static long drawnBytes(int stages, int tokens) {
        return (long) stages * tokens * tokens * Float.BYTES;
    }

    /** @return whether this scope holds the maps of {@code head} at every stage it asks for regardless of the selected stage */
    public boolean dependsOnStage() {
        return !query.stages().isEmpty();
    }

    /** @return whether this scope changes with the selected head */
    public boolean dependsOnHead() {
        return !query.heads().isEmpty();
    }

    private static String gigabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
