package org.mtalens.app.work;

/** One background request; a newer request of the same kind cancels the older one (the newest wins). */
public final class Job {
    private volatile boolean cancelled;

    void cancel() {
        cancelled = true;
    }

    /** @return whether a newer request or the user cancelled this one */
    public boolean isCancelled() {
        return cancelled;
    }
}
