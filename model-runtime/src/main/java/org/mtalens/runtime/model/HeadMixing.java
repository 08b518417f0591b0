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
     * @param maps   [B, H, T, T]
     * @param matrix [H, H] indexed [destination, source]
     * @return [B, H, T, T]
     */
    static NDArray linear(NDArray maps, NDArray matrix) {
        NDArray headsLast = maps.transpose(0, 2, 3, 1); // [B, T, T, H]
        return Linear.linear(headsLast, matrix).singletonOrThrow().transpose(0, 3, 1, 2); // [B, H, T, T]
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
        NDArray grouped = maps.reshape(shape.get(0), groups, size, cells).transpose(0, 1, 3, 2); // [B, G, T*T, c]
        return grouped.matMul(kernel) // [B, G, T*T, c] (destination), kernel broadcast over B
                .transpose(0, 1, 3, 2) // [B, G, c, T*T]
                .reshape(shape); // [B, H, T, T]
    }
}
