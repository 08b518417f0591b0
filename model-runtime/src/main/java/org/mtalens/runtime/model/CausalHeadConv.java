package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;

/**
 * The grouped head convolution ({@code head_kernel}) for inference on the CPU, in plain Java over the causal
 * triangle, written over its input's memory: {@code new[g*c + j] = sum_m HK[g, m, j] * old[g*c + m]} for
 * every key <= query. Future entries are left as they are: the maps it gets (weights after softmax or after
 * the re-masked post-softmax convolution) hold 0 there, and a mix of zeros is 0. Compared with PyTorch's
 * batched matrix product with an inner size of c, it reads and writes half the map once.
 * Legend: B batch, H heads = G groups x c, T tokens.
 */
final class CausalHeadConv {
    /** Query rows per task: enough work per task, enough tasks for the threads. */
    private static final int ROWS_PER_TASK = 64;

    private CausalHeadConv() {
    }

    /** @return whether the Java path can stand in for {@link HeadMixing#groupConvolution} ({@link CpuMaps#javaMayCompute}) */
    static boolean handles(NDArray maps, NDArray kernel) {
        return CpuMaps.javaMayCompute(maps, kernel);
    }

    /**
     * @param maps   [B, H, T, T] contiguous, future entries 0; overwritten with the mixed maps
     * @param kernel [G, c, c] indexed [group, source, destination]
     * @return {@code maps}
     */
    static NDArray applyInPlace(NDArray maps, NDArray kernel) {
        Shape shape = maps.getShape();
        int batch = (int) shape.get(0);
        int heads = (int) shape.get(1);
        int tokens = (int) shape.get(2);
        int groups = (int) kernel.getShape().get(0);
        int size = (int) kernel.getShape().get(1);
        float[] weights = kernel.toFloatArray(); // [G * c * c]
        FloatBuffer data = CpuMaps.floats(maps);
        int blocks = (tokens + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        CpuMaps.forEach(batch * groups * blocks, task -> {
            int block = task % blocks;
            int group = task / blocks % groups;
            int firstHead = (task / blocks / groups) * heads + group * size; // map index of the group's head 0
            mixRows(data, firstHead, size, tokens, weights, group * size * size,
                    block * ROWS_PER_TASK, Math.min(tokens, (block + 1) * ROWS_PER_TASK));
        });
        return maps;
    }

    /** Mixes query rows [from, to) of one group's c maps, keys 0..query of each row. */
    private static void mixRows(FloatBuffer data, int firstHead, int size, int tokens, float[] weights, int groupTap,
                                int from, int to) {
        float[][] sources = new float[size][tokens];
        float[] mixed = new float[tokens];
        long cells = (long) tokens * tokens;
        for (int query = from; query < to; query++) {
            int length = query + 1;
            for (int m = 0; m < size; m++) {
                data.get((int) ((firstHead + m) * cells + (long) query * tokens), sources[m], 0, length);
            }
            for (int j = 0; j < size; j++) {
                java.util.Arrays.fill(mixed, 0, length, 0f);
                for (int m = 0; m < size; m++) {
                    float w = weights[groupTap + m * size + j];
                    float[] source = sources[m];
                    for (int k = 0; k < length; k++) {
                        mixed[k] += w * source[k];
                    }
                }
                data.put((int) ((firstHead + j) * cells + (long) query * tokens), mixed, 0, length);
            }
        }
    }
}
