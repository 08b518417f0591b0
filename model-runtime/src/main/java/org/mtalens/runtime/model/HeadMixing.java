package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * MTA's mixing of maps across heads, as matrix products over the head axis (no transposes of the
 * [B, H, T, T] maps).
 */
final class HeadMixing {
    private HeadMixing() {
    }

    /**
     * A linear layer over the head axis ({@code wpsm}, {@code wposm}): {@code new[h] = sum_m W[h, m] * old[m]}.
     *
     * @param maps   [B, H, T, T]
     * @param matrix [H, H] indexed [destination, source]
     * @return [B, H, T, T]
     */
    static NDArray linear(NDArray maps, NDArray matrix) {
        Shape shape = maps.getShape();
        NDArray flat = maps.reshape(shape.get(0), shape.get(1), shape.get(2) * shape.get(3)); // [B, H, T*T]
        NDArray mixed = onto(maps, matrix.matMul(flat)); // [H, H] x [B, H, T*T] -> [B, H, T*T]
        return mixed.reshape(shape); // [B, H, T, T]
    }

    /**
     * The grouped head convolution ({@code head_kernel}): heads are split into G groups of c;
     * {@code new[g*c + j] = sum_m HK[g, m, j] * old[g*c + m]}.
     *
     * @param maps   [B, H, T, T]
     * @param kernel [G, c, c] indexed [group, source, destination]
     * @return [B, H, T, T]
     */
    static NDArray groupConvolution(NDArray maps, NDArray kernel) {
        Shape shape = maps.getShape();
        long groups = kernel.getShape().get(0);
        long size = kernel.getShape().get(1);
        long cells = shape.get(2) * shape.get(3);
        NDArray grouped = maps.reshape(shape.get(0), groups, size, cells); // [B, G, c (source), T*T]
        NDArray destinationBySource = onto(maps, kernel.transpose(0, 2, 1)); // [G, c (destination), c (source)]
        NDArray mixed = onto(maps, destinationBySource.matMul(grouped)); // [B, G, c (destination), T*T]
        return mixed.reshape(shape); // [B, H, T, T]
    }

    /**
     * As {@link #groupConvolution}, for a caller that is done with {@code maps} (whose future entries are 0):
     * on the CPU without gradients the result is {@code maps} itself, mixed in place ({@link CausalHeadConv}).
     */
    static NDArray groupConvolutionReplacing(NDArray maps, NDArray kernel) {
        if (CausalHeadConv.handles(maps, kernel)) {
            return CausalHeadConv.applyInPlace(maps, kernel);
        }
        return groupConvolution(maps, kernel);
    }

    /** Moves an array computed from a weight onto the pass's manager, so it is freed with the pass. */
    private static NDArray onto(NDArray passArray, NDArray computed) {
        computed.attach(passArray.getManager());
        return computed;
    }
}
