package org.mtalens.app.main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * The main window's background work: one request at a time on the inference executor (it owns DJL), the
 * newest request winning (a new one cancels the old; a stale result is closed, never shown), results and
 * failures handed back on the FX thread. Shows what runs as status, progress and busy, and a failure as
 * the current error. Holds no nodes.
 */
final class BackgroundJobs {
    private final Executor inference;
    private final Executor fxThread;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a checkpoint to begin.");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private Job current;

    BackgroundJobs(Executor inference, Executor fxThread) {
        this.inference = inference;
        this.fxThread = fxThread;
    }

    /**
     * Runs {@code work} (given a "cancelled?" check) in the background and hands its value to {@code done};
     * cancels the request before it. An {@link InvalidInputException} becomes an error titled
     * {@code failureTitle} with its message; anything else an internal error with the stack trace.
     */
    <T> void submit(String what, Function<BooleanSupplier, T> work, Consumer<T> done, String failureTitle) {
        Job job = new Job();
        cancel();
        current = job;
        busy.set(true);
        progress.set(-1);
        status.set(what);
        long start = System.nanoTime();
        inference.execute(() -> {
            try {
                T value = work.apply(job::isCancelled);
                fxThread.execute(() -> finish(job, value, done, start));
            } catch (CancellationException e) {
                fxThread.execute(() -> settle(job, "Cancelled."));
            } catch (InvalidInputException e) {
                fxThread.execute(() -> fail(job, new ErrorReport(failureTitle, e.getMessage(), "")));
            } catch (RuntimeException | Error e) {
                fxThread.execute(() -> fail(job, new ErrorReport(failureTitle, "Internal error: " + e, stackTrace(e))));
            }
        });
    }

    /**
     * Runs {@code work}, pure-Java analysis of results already made, after the requests queued before it, and
     * hands its value to {@code done}. Not shown as busy; a failure becomes the current error.
     */
    <T> void analyse(Supplier<T> work, Consumer<T> done) {
        inference.execute(() -> {
            try {
                T value = work.get();
                fxThread.execute(() -> done.accept(value));
            } catch (RuntimeException e) {
                fxThread.execute(() -> error.set(new ErrorReport("Could not analyse the run", "Internal error: " + e,
                        stackTrace(e))));
            }
        });
    }

    /** Runs {@code task} on the inference thread after what is queued (e.g. closing a model it no longer shows). */
    void later(Runnable task) {
        inference.execute(task);
    }

    /** Cancels the running request; what the user had stays. */
    void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Shows {@code report} as the current error (null dismisses it). */
    void report(ErrorReport report) {
        error.set(report);
    }

    private <T> void finish(Job job, T value, Consumer<T> done, long start) {
        if (job != current || job.isCancelled()) {
            if (value instanceof AutoCloseable closeable) {
                inference.execute(() -> closeQuietly(closeable));
            }
            settle(job, "Cancelled.");
            return;
        }
        settle(job, String.format("Done in %.0f ms.", (System.nanoTime() - start) / 1e6));
        done.accept(value);
    }

    private void fail(Job job, ErrorReport report) {
        settle(job, report.title() + ".");
        if (job == current) {
            error.set(report);
        }
    }

    private void settle(Job job, String message) {
        if (job == current) {
            busy.set(false);
            progress.set(0);
            status.set(message);
        }
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

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
