package org.mtalens.corpus;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/** Tells the documents done every two seconds while the documents run (on a daemon thread of the driver). */
final class ProgressReporter implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mta-lens corpus progress");
        thread.setDaemon(true);
        return thread;
    });
    private final LongSupplier done;
    private final LongConsumer progress;

    ProgressReporter(LongSupplier done, LongConsumer progress) {
        this.done = done;
        this.progress = progress;
        timer.scheduleAtFixedRate(() -> progress.accept(done.getAsLong()), 2, 2, TimeUnit.SECONDS);
    }

    /** Stops reporting and tells the final count. */
    void finish() {
        if (!timer.isShutdown()) {
            timer.shutdownNow();
            progress.accept(done.getAsLong());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
