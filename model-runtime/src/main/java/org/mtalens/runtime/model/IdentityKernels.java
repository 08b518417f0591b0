package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Set;
import org.mtalens.runtime.config.PadKey;

/** Key-query kernels with some heads' kernels replaced by the identity kernel, for an ablated pass. */
final class IdentityKernels {
    private IdentityKernels() {
    }

    /**
     * A copy of {@code kernel} in which each head of {@code heads} has the identity kernel: 1 at row c_q-1
     * (the current query) and the {@code padKey}'s current-key column, 0 elsewhere. The stored kernel is
     * not touched.
     *
     * @param kernel  [H, 1, c_q, c_k]
     * @param manager where the copy lives (the pass's manager; the caller closes the copy)
     * @return [H, 1, c_q, c_k] a new array on {@code manager}
     */
    static NDArray replace(NDArray kernel, Set<Integer> heads, PadKey padKey, NDManager manager) {
        Shape shape = kernel.getShape();
        int queryTaps = (int) shape.get(2);
        int keyTaps = (int) shape.get(3);
        int perHead = queryTaps * keyTaps;
        float[] values = kernel.toFloatArray(); // small: H * c_q * c_k
        for (int head : heads) {
            java.util.Arrays.fill(values, head * perHead, (head + 1) * perHead, 0f);
            values[head * perHead + new org.mtalens.runtime.config.KernelShape(queryTaps, keyTaps).identityTap(padKey)] = 1f;
        }
        return manager.create(values, shape).toDevice(kernel.getDevice(), false);
    }
}
