package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * MTA's mixing of maps across heads, as matrix products over the head axis (no transposes of the
 * [B, H, R, S] maps).
 */
final class HeadMixing {
    private HeadMixing() {
    }

    /**
     * A linear layer over the head axis ({@code wpsm}, {@code wposm}): {@code new[h] = sum_m W[h, m] * old[m]}.
     *
     * @param maps   [B, H, R, S]
     * @param matrix [H, H] indexed [destination, source]
     * @return [B, H, R, S]
     */
    static NDArray linear(NDArray maps, NDArray matrix) {
        Shape shape = maps.getShape();
        NDArray flat = maps.reshape(shape.get(0), shape.get(1), shape.get(2) * shape.get(3)); // [B, H, R*S]
        NDArray mixed = onto(maps, matrix.matMul(flat)); // [H, H] x [B, H, R*S] -> [B, H, R*S]
        return mixed.reshape(shape); // [B, H, R, S]
    }

    /**
     * The grouped head convolution ({@code head_kernel}): heads are split into G groups of c;
     * {@code new[g*c + j] = sum_m HK[g, m, j] * old[g*c + m]}.
     *
     * @param maps   [B, H, R, S]
     * @param kernel [G, c, c] indexed [group, source, destination]
     * @return [B, H, R, S]
     */
    static NDArray groupConvolution(NDArray maps, NDArray kernel) {
        Shape shape = maps.getShape();
        long groups = kernel.getShape().get(0);
        long size = kernel.getShape().get(1);
        long cells = shape.get(2) * shape.get(3);
        NDArray grouped = maps.reshape(shape.get(0), groups, size, cells); // [B, G, c (source), R*S]
        NDArray destinationBySource = onto(maps, kernel.transpose(0, 2, 1)); // [G, c (destination), c (source)]
        NDArray mixed = onto(maps, destinationBySource.matMul(grouped)); // [B, G, c (destination), R*S]
        return mixed.reshape(shape); // [B, H, R, S]
    }

    /**
     * As {@link #groupConvolution}, for a caller that is done with {@code maps} (whose future entries are 0):
     * on the CPU without gradients the result is {@code maps} itself, mixed in place ({@link CausalHeadConv}).
     *
     * @param maps       [B, H, R, S] queries firstQuery..firstQuery+R-1 over keys 0..S-1
     * @param firstQuery the query of row 0
     */
    static NDArray groupConvolutionReplacing(NDArray maps, NDArray kernel, int firstQuery) {
        if (CausalHeadConv.handles(maps, kernel)) {
            return CausalHeadConv.applyInPlace(maps, kernel, firstQuery);
        }
        return groupConvolution(maps, kernel);
    }

    /** Moves an array computed from a weight onto the pass's manager, so it is freed with the pass. */
    private static NDArray onto(NDArray passArray, NDArray computed) {
        computed.attach(passArray.getManager());
        return computed;
    }
}
