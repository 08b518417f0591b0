package org.mtalens.runtime.analysis;

import java.util.ArrayList;
import java.util.List;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.Tensor;

/** Reads one layer's key-query kernel tensor as one {@link HeadKernel} per head. */
public final class LayerKernels {
    private LayerKernels() {
    }

    /**
     * @param kind {@code mta_kernel} or {@code mta_kernel_after_sm}
     * @return one kernel per head, from the tensor {@code layers.L.attention.KIND} [H, 1, c_q, c_k]
     */
    public static List<HeadKernel> read(Checkpoint checkpoint, int layer, String kind) {
        Tensor tensor = checkpoint.tensor("layers." + layer + ".attention." + kind);
        long[] shape = tensor.shape(); // [H, 1, c_q, c_k], validated by the loader
        int heads = (int) shape[0];
        int queryTaps = (int) shape[2];
        int keyTaps = (int) shape[3];
        var padKey = checkpoint.config().mta().padKey();
        float[] values = tensor.toFloatArray(); // [H * c_q * c_k]
        List<HeadKernel> kernels = new ArrayList<>(heads);
        int perHead = queryTaps * keyTaps;
        for (int h = 0; h < heads; h++) {
            kernels.add(new HeadKernel(queryTaps, keyTaps, padKey,
                    java.util.Arrays.copyOfRange(values, h * perHead, (h + 1) * perHead)));
        }
        return kernels;
    }
}
