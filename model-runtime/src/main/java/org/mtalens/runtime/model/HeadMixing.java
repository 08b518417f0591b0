package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/** MTA's mixing of maps across heads. */
final class HeadMixing {
    private HeadMixing() {
    }

    /**
     * A linear layer over the head axis ({@code wpsm}, {@code wposm}): {@code new[h] = sum_m W[h, m] * old[m]}.
     *
     * @param maps   [H, T, T]
     * @param matrix [H, H] indexed [destination, source]
     * @return [H, T, T]
     */
    static NDArray linear(NDArray maps, NDArray matrix) {
        NDArray headsLast = maps.transpose(1, 2, 0); // [T, T, H]
        return Linear.linear(headsLast, matrix).singletonOrThrow().transpose(2, 0, 1); // [H, T, T]
    }

    /**
     * The grouped head convolution ({@code head_kernel}): heads are split into G groups of c;
     * {@code new[g*c + j] = sum_m HK[g, m, j] * old[g*c + m]}.
     *
     * @param maps   [H, T, T]
     * @param kernel [G, c, c] indexed [group, source, destination]
     * @return [H, T, T]
     */
    static NDArray groupConvolution(NDArray maps, NDArray kernel) {
        Shape shape = maps.getShape();
        long groups = kernel.getShape().get(0);
        long size = kernel.getShape().get(1);
        long cells = shape.get(1) * shape.get(2);
        NDArray grouped = maps.reshape(groups, size, cells).transpose(0, 2, 1); // [G, T*T, c]
        return grouped.matMul(kernel) // [G, T*T, c] (destination)
                .transpose(0, 2, 1) // [G, c, T*T]
                .reshape(shape); // [H, T, T]
    }
}
