package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;

/**
 * A {@link StageSink} that keeps the residual stream entering each layer (and leaving the last) as Java
 * arrays: what a {@link Trace} holds. Layers before {@code first} are taken from an earlier trace.
 */
final class ResidualRecorder implements StageSink {
    private final float[][] residuals;

    /** @param earlier the residuals of a trace this pass continues from layer {@code first}, or null */
    ResidualRecorder(int layers, float[][] earlier, int first) {
        residuals = new float[layers + 1][];
        for (int layer = 0; layer <= first && earlier != null; layer++) {
            residuals[layer] = earlier[layer]; // the same input: shared, never modified
        }
    }

    @Override
    public boolean wantsResidual() {
        return true;
    }

    /** @param x [1, T, D]; a layer whose input came from the earlier trace keeps that (equal) array */
    @Override
    public void residual(int layer, NDArray x) {
        if (residuals[layer] == null) {
            residuals[layer] = x.toFloatArray();
        }
    }

    float[][] residuals() {
        return residuals;
    }
}
