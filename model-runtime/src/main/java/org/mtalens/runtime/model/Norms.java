package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;

/** RMSNorm as the official code computes it. */
final class Norms {
    private Norms() {
    }

    /**
     * {@code x / sqrt(mean(x^2, last axis) + eps) * weight}.
     *
     * @param x      [..., D]
     * @param weight [D]
     */
    static NDArray rms(NDArray x, NDArray weight, double eps) {
        NDArray rootMeanSquare = x.square().mean(new int[] {-1}, true).add((float) eps).sqrt(); // [..., 1]
        return x.div(rootMeanSquare).mul(weight);
    }

    /**
     * The depth rescale of {@code layer_norm_rescale} / {@code curse_norm}:
     * {@code 1 - (0.8 - 0.6 * exp(-0.3 * layer))}.
     */
    static float depthRescale(int layer) {
        return (float) (1 - (0.8 - 0.6 * Math.exp(-0.3 * layer)));
    }
}
