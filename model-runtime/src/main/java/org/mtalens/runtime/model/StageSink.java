package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import org.mtalens.runtime.config.Stage;

/**
 * Receives what a pass computes, as it computes it: stage maps block by block, and optionally the residual
 * stream entering each layer, the queries, keys and values, and named activations. Implementations copy what
 * they keep (the arrays are freed after the call) and must never modify them.
 */
public interface StageSink {
    /** Nothing is kept. */
    StageSink NONE = new StageSink() {
    };

    /** @return whether {@link #stage} should be called for this layer and stage (saves the copy); none by default */
    default boolean wants(int layer, Stage stage) {
        return false;
    }

    /** Some exact query rows of one stage's maps, for every head; a layer's blocks arrive in query order. */
    default void stage(int layer, Stage stage, StageRows rows) {
    }

    /** Called when a layer's block starts. */
    default void layerStarted(int layer) {
    }

    /** Called when a layer's block has finished. */
    default void layerFinished(int layer) {
    }

    /** @return whether {@link #residual} should be called */
    default boolean wantsResidual() {
        return false;
    }

    /**
     * @param layer the layer {@code x} enters; the layer count for the stream leaving the last layer
     * @param x     [B, T, D] the residual stream
     */
    default void residual(int layer, NDArray x) {
    }

    /** @return whether {@link #projections} should be called */
    default boolean wantsProjections() {
        return false;
    }

    /** @param q [B, H, T, E] rotated queries; @param k [B, H, T, E] rotated keys (repeated per query head); @param v [B, H, T, E] values */
    default void projections(int layer, NDArray q, NDArray k, NDArray v) {
    }

    /** @return whether per-layer activations are wanted */
    default boolean wantsActivations() {
        return false;
    }

    /** @param values e.g. {@code attn_output} [B, T, D], {@code q} [B, H, T, E] */
    default void activation(int layer, String name, NDArray values) {
    }
}
