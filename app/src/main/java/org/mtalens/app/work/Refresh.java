package org.mtalens.app.work;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/** Wires a view's refresh to what it shows: one line per view instead of one listener per input. */
public final class Refresh {
    private Refresh() {
    }

    /**
     * @return a {@link LazyRefresh} that runs {@code action} while {@code shown} is true, whenever any of
     *         {@code inputs} changes (and once it is shown again after a change while hidden)
     */
    public static LazyRefresh whenShown(ObservableBooleanValue shown, Runnable action, ObservableValue<?>... inputs) {
        LazyRefresh refresh = new LazyRefresh(shown, action);
        for (ObservableValue<?> input : inputs) {
            input.addListener((o, before, after) -> refresh.request()); // a change listener: fires on every change
        }
        return refresh;
    }
}
