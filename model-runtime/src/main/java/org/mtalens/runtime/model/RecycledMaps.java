package org.mtalens.runtime.model;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The memory of maps a view has let go, for the next replay to fill again: a layer's maps are 0.8 GB at T=2048,
 * and a fresh allocation for every layer switch doubles the heap until the collector finds the old ones, and pays
 * for touching new pages. Whoever hands maps over here must never read them again: a replay overwrites them.
 *
 * <p>Only arrays of the length a replay asks for are reused; a replay of another length allocates. The arrays live
 * as long as this object (one replay), so nothing is kept once no view needs it.
 */
public final class RecycledMaps {
    private static final RecycledMaps NONE = new RecycledMaps();
    private final Deque<float[]> arrays = new ArrayDeque<>();

    private RecycledMaps() {
    }

    /** @return nothing to reuse: every map is allocated */
    public static RecycledMaps none() {
        return NONE;
    }

    /** @return the memory of {@code released} (null: none), which its holder gives up */
    public static RecycledMaps of(LayerMaps released) {
        if (released == null || released.maps().isEmpty()) {
            return NONE;
        }
        RecycledMaps recycled = new RecycledMaps();
        released.maps().forEach(map -> recycled.arrays.push(map.memory()));
        return recycled;
    }

    /** @return a released map's array of {@code length} values (holding its old values, which the caller overwrites), if any */
    synchronized java.util.Optional<float[]> take(int length) {
        float[] reused = arrays.peek();
        if (reused == null || reused.length != length) {
            arrays.clear(); // another length: none of them fits
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(arrays.pop());
    }
}
