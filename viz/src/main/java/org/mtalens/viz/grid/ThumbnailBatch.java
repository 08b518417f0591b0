package org.mtalens.viz.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pools the maps of a layers x heads grid into thumbnails on a small pool of background threads (one per core),
 * handing each to a sink as soon as it is ready. A batch can be cancelled (a newer stage replaces it).
 */
public final class ThumbnailBatch {
    /** Receives one ready thumbnail, on a background thread. */
    @FunctionalInterface
    public interface Sink {
        /** @param pooled the pooled map, null when the source has no map there */
        void ready(GridCell cell, PooledMatrix pooled);
    }

    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "viz-thumbnails");
                t.setDaemon(true);
                return t;
            });

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<Void> done;

    private ThumbnailBatch(int layers, int heads, MapSource source, int size, Sink sink) {
        List<CompletableFuture<Void>> jobs = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            for (int head = 0; head < heads; head++) {
                GridCell cell = new GridCell(layer, head);
                jobs.add(CompletableFuture.runAsync(() -> renderOne(cell, source, size, sink), POOL));
            }
        }
        done = CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new));
    }

    /** Starts pooling every (layer, head) of {@code source} to at most {@code size} x {@code size}. */
    public static ThumbnailBatch start(int layers, int heads, MapSource source, int size, Sink sink) {
        return new ThumbnailBatch(layers, heads, source, size, sink);
    }

    private void renderOne(GridCell cell, MapSource source, int size, Sink sink) {
        if (cancelled.get()) {
            return;
        }
        var map = source.map(cell.layer(), cell.head());
        PooledMatrix pooled = map == null ? null : PooledMatrix.pool(map, size);
        if (!cancelled.get()) {
            sink.ready(cell, pooled);
        }
    }

    /** Stops handing out thumbnails (those rendering finish silently). */
    public void cancel() {
        cancelled.set(true);
    }

    /** @return completes when every thumbnail was handed out (or skipped after cancel) */
    public CompletableFuture<Void> done() {
        return done;
    }
}
