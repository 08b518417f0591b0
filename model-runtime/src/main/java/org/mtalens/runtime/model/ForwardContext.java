package org.mtalens.runtime.model;

import ai.djl.ndarray.NDManager;

/** What every layer of one forward pass shares: the causal masks and rotary tables for its length. */
record ForwardContext(CausalMask mask, RotaryEmbedding rope) {
    static ForwardContext of(NDManager manager, int tokens, int headDim, double ropeTheta) {
        return new ForwardContext(CausalMask.of(manager, tokens, (float) (1.0 / Math.sqrt(headDim))),
                new RotaryEmbedding(manager, tokens, headDim, ropeTheta));
    }
}
