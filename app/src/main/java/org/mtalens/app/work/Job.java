package org.mtalens.app.main;

/** One background request; a newer request cancels the older one (the newest wins). */
final class Job {
    private volatile boolean cancelled;

    void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }
}
