package org.mtalens.runtime.model;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Hears how far a pass is and can stop it: checked before every layer.
 */
public interface PassProgress {
    /** No progress shown, never cancelled. */
    PassProgress NONE = new PassProgress() {
    };

    /** @return a progress that only checks {@code cancelled} */
    static PassProgress cancelledBy(BooleanSupplier cancelled) {
        return new PassProgress() {
            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    /** @param done layers finished so far; @param total layers the pass runs */
    default void layersDone(int done, int total) {
    }

    /** @return whether to stop: the pass then ends with a {@link CancellationException} */
    default boolean cancelled() {
        return false;
    }
}
