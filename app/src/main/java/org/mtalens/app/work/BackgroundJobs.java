package org.mtalens.app.work;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mtalens.runtime.InvalidInputException;

/**
 * A window's background work, all of it on the inference executor (it owns DJL), results and failures handed
 * back on the FX thread. The one rule for work that is not instant: it goes through here, with progress, status
 * and Cancel. Two kinds, each newest-wins: a <em>request</em> (open, run, generate: a new request cancels the
 * running one and every view's work) and a <em>view job</em> per view (a view's maps or analysis: a new job of the
 * same view cancels only that view's older one). A stale result is closed, never shown. Holds no nodes.
 */
public final class BackgroundJobs {
    private final Executor inference;
    private final Executor fxThread;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a checkpoint to begin.");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final java.util.Map<String, Job> views = new java.util.HashMap<>();
    /** Jobs started and not yet settled, with what they do; the newest is the one the status shows. */
    private final java.util.LinkedHashMap<Job, String> active = new java.util.LinkedHashMap<>();
    private Job request;

    public BackgroundJobs(Executor inference, Executor fxThread) {
        this.inference = inference;
        this.fxThread = fxThread;
    }

    /**
     * Runs a request (given its progress and cancellation) in the background and hands its value to {@code done};
     * cancels the request before it and all view jobs. An {@link InvalidInputException} becomes an error titled
     * {@code failureTitle} with its message; anything else an internal error with the stack trace.
     */
    public <T> void submit(String what, Function<JobProgress, T> work, Consumer<T> done, String failureTitle) {
        cancel();
        request = new Job();
        start(request, what, work, done, failureTitle);
    }

    /**
     * Runs one view's work (its maps, an analysis) in the background after what is queued; a newer job of the same
     * {@code view} cancels this one, a new request cancels it too.
     */
    public <T> void submitView(String view, String what, Function<JobProgress, T> work, Consumer<T> done) {
        Job older = views.get(view);
        if (older != null) {
            older.cancel();
        }
        Job job = new Job();
        views.put(view, job);
        start(job, what, work, done, "Could not show " + what.replace(" ...", ""));
    }

    private <T> void start(Job job, String what, Function<JobProgress, T> work, Consumer<T> done, String failureTitle) {
        active.put(job, what);
        busy.set(true);
        progress.set(-1);
        status.set(what);
        long begun = System.nanoTime();
        JobProgress jobProgress = new JobProgress(job, fxThread, fraction -> show(job, fraction), text -> showStatus(job, text), what);
        inference.execute(() -> {
            if (job.isCancelled()) {
                fxThread.execute(() -> settle(job, "Cancelled."));
                return;
            }
            try {
                T value = work.apply(jobProgress);
                fxThread.execute(() -> finish(job, value, done, begun));
            } catch (CancellationException e) {
                fxThread.execute(() -> settle(job, "Cancelled."));
            } catch (InvalidInputException e) {
                fxThread.execute(() -> fail(job, new ErrorReport(failureTitle, e.getMessage(), "")));
            } catch (RuntimeException | Error e) {
                fxThread.execute(() -> fail(job, new ErrorReport(failureTitle, "Internal error: " + e, stackTrace(e))));
            }
        });
    }

    /** Runs {@code task} on the inference thread after what is queued (e.g. closing a model it no longer shows). */
    public void later(Runnable task) {
        inference.execute(task);
    }

    /** Cancels the running request and every view's work; what the user had stays. */
    public void cancel() {
        if (request != null) {
            request.cancel();
        }
        views.values().forEach(Job::cancel);
        views.clear();
    }

    /** Shows {@code report} as the current error (null dismisses it). */
    public void report(ErrorReport report) {
        error.set(report);
    }

    private <T> void finish(Job job, T value, Consumer<T> done, long begun) {
        if (job.isCancelled()) {
            if (value instanceof AutoCloseable closeable) {
                inference.execute(() -> closeQuietly(closeable));
            }
            settle(job, "Cancelled.");
            return;
        }
        settle(job, String.format("Done in %.0f ms.", (System.nanoTime() - begun) / 1e6));
        done.accept(value);
    }

    private void fail(Job job, ErrorReport report) {
        settle(job, report.title() + ".");
        if (!job.isCancelled()) {
            error.set(report);
        }
    }

    private void show(Job job, double fraction) {
        if (job == newest()) {
            progress.set(fraction);
        }
    }

    private void showStatus(Job job, String text) {
        if (job == newest()) {
            status.set(text);
        }
    }

    /** The job is done: the status shows the newest job still running, else how this one ended. */
    private void settle(Job job, String message) {
        if (active.remove(job) == null) {
            return;
        }
        Job running = newest();
        busy.set(running != null);
        progress.set(running == null ? 0 : -1);
        status.set(running == null ? message : active.get(running));
    }

    private Job newest() {
        Job last = null;
        for (Job job : active.keySet()) {
            last = job;
        }
        return last;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing a stale result must not disturb the app
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
