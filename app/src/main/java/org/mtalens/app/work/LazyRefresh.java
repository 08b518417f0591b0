package org.mtalens.app.work;

import javafx.beans.value.ObservableBooleanValue;

/**
 * Refreshes a view only while it is shown: a change while hidden marks it stale, and it catches up
 * when it is shown again. Keeps hidden tabs from redrawing on every run.
 */
public final class LazyRefresh {
    private final ObservableBooleanValue shown;
    private final Runnable refresh;
    private boolean stale;

    public LazyRefresh(ObservableBooleanValue shown, Runnable refresh) {
        this.shown = shown;
        this.refresh = refresh;
        shown.addListener((o, was, is) -> {
            if (is && stale) {
                request();
            }
        });
    }

    /** Refreshes now if shown, else when next shown. */
    public void request() {
        if (shown.get()) {
            stale = false;
            refresh.run();
        } else {
            stale = true;
        }
    }
}
