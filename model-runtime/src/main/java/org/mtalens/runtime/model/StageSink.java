package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import org.mtalens.runtime.config.Stage;

/**
 * Receives what the forward pass computes, as it computes it. Implementations copy what they keep
 * (the arrays are closed with the request) and must never modify them.
 */
public interface StageSink {
    /** Nothing is kept. */
    StageSink NONE = new StageSink() {
        @Override
        public boolean wants(int layer, Stage stage) {
            return false;
        }

        @Override
        public void stage(int layer, Stage stage, NDArray maps) {
        }
    };

    /** @return whether {@link #stage} should be called for this layer and stage (saves the copy) */
    boolean wants(int layer, Stage stage);

    /** @param maps [B, H, T, T] the stage's maps; future entries may hold anything */
    void stage(int layer, Stage stage, NDArray maps);

    /** Called when a layer's block starts (for timing). */
    default void layerStarted(int layer) {
    }

    /** Called when a layer's block has finished (for timing). */
    default void layerFinished(int layer) {
    }

    /** @return whether per-layer activations are wanted */
    default boolean wantsActivations() {
        return false;
    }

    /** @param values e.g. {@code attn_output} [B, T, D], {@code q} [B, H, T, E] */
    default void activation(int layer, String name, NDArray values) {
    }
}
