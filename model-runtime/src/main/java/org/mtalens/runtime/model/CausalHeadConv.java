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
     * @param maps       [B, H, R, S] contiguous, future entries 0; overwritten with the mixed maps. A block of
     *                   query rows: queries firstQuery..firstQuery+R-1 over keys 0..S-1 (a whole map: R = S = T)
     * @param kernel     [G, c, c] indexed [group, source, destination]
     * @param firstQuery the query of row 0
     * @return {@code maps}
     */
    static NDArray applyInPlace(NDArray maps, NDArray kernel, int firstQuery) {
        Shape shape = maps.getShape();
        int batch = (int) shape.get(0);
        int heads = (int) shape.get(1);
        int rows = (int) shape.get(2);
        int keys = (int) shape.get(3);
        int groups = (int) kernel.getShape().get(0);
        int size = (int) kernel.getShape().get(1);
        float[] weights = kernel.toFloatArray(); // [G * c * c]
        FloatBuffer data = CpuMaps.floats(maps);
        int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        MapBlock block = new MapBlock(rows, keys, firstQuery);
        CpuMaps.forEach(batch * groups * tasks, task -> {
            int part = task % tasks;
            int group = task / tasks % groups;
            int firstHead = (task / tasks / groups) * heads + group * size; // map index of the group's head 0
            mixRows(data, firstHead, size, block, weights, group * size * size,
                    part * ROWS_PER_TASK, Math.min(rows, (part + 1) * ROWS_PER_TASK));
        });
        return maps;
    }

    /** R query rows from {@code firstQuery} on, over S keys. */
    private record MapBlock(int rows, int keys, int firstQuery) {
    }

    /** Mixes rows [from, to) of one group's c maps, keys 0..query of each row. */
    private static void mixRows(FloatBuffer data, int firstHead, int size, MapBlock block, float[] weights, int groupTap,
                                int from, int to) {
        int keys = block.keys();
        float[][] sources = new float[size][keys];
        float[] mixed = new float[keys];
        long cells = (long) block.rows() * keys;
        for (int row = from; row < to; row++) {
            int length = block.firstQuery() + row + 1;
            for (int m = 0; m < size; m++) {
                data.get((int) ((firstHead + m) * cells + (long) row * keys), sources[m], 0, length);
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
                data.put((int) ((firstHead + j) * cells + (long) row * keys), mixed, 0, length);
            }
        }
    }
}
