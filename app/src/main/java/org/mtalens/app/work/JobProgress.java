package org.mtalens.app.work;

import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;
import org.mtalens.runtime.model.PassProgress;

/**
 * What background work sees of its job: whether it was cancelled, and a way to report how far it is (a pass
 * reports layers done). Progress reaches the FX thread as a fraction; the status names the work, the
 * fraction and the time it will take at the rate so far.
 */
public final class JobProgress implements PassProgress {
    private final Job job;
    private final Executor fxThread;
    private final DoubleConsumer fraction;
    private final java.util.function.Consumer<String> status;
    private final String what;
    private final long start = System.nanoTime();

    JobProgress(Job job, Executor fxThread, DoubleConsumer fraction, java.util.function.Consumer<String> status, String what) {
        this.job = job;
        this.fxThread = fxThread;
        this.fraction = fraction;
        this.status = status;
        this.what = what;
    }

    @Override
    public boolean cancelled() {
        return job.isCancelled();
    }

    @Override
    public void layersDone(int done, int total) {
        double part = total == 0 ? 1 : (double) done / total;
        double seconds = (System.nanoTime() - start) / 1e9;
        String text = done >= total || seconds < 0.5 ? what
                : String.format("%s layer %d of %d, about %s left", what, done, total, duration(seconds / part * (1 - part)));
        fxThread.execute(() -> {
            if (!job.isCancelled()) {
                fraction.accept(part);
                status.accept(text);
            }
        });
    }

    /** @return the work's check for cancellation, for runtime calls that take one */
    public java.util.function.BooleanSupplier cancelledCheck() {
        return job::isCancelled;
    }

    static String duration(double seconds) {
        return seconds < 90 ? String.format("%.0f s", Math.max(1, seconds)) : String.format("%.0f min", seconds / 60);
    }
}
