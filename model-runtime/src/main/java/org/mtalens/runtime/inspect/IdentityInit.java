package org.mtalens.runtime.inspect;

import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.config.KernelShape;
import org.mtalens.runtime.config.PadKey;

/**
 * The official identity initialisation of the MTA kernels, as the value at each flat (row-major)
 * index: key-query kernels {@code [H,1,c_q,c_k]} are 1 at each head's identity tap for the layer's pad_key
 * ({@link KernelShape#identityTap}: row c_q-1, column c_k//2 for {@code both}, c_k-1 for {@code left}, 0 for
 * {@code right});
 * {@code head_kernel [G,c,c]} is the identity in each group; {@code wpsm}/{@code wposm} {@code [H,H]}
 * are the identity matrix.
 */
final class IdentityInit {
    private IdentityInit() {
    }

    /** @return the L2 norm of (tensor - identity init) for a kernel of this kind */
    static double distance(String kind, Tensor kernel, PadKey padKey) {
        long[] shape = kernel.shape();
        double[] sum = {0};
        TensorValues.forEachChunk(kernel, (start, v, n) -> {
            for (int i = 0; i < n; i++) {
                double d = v[i] - identityAt(kind, shape, start + i, padKey);
                sum[0] += d * d;
            }
        });
        return Math.sqrt(sum[0]);
    }

    static double identityAt(String kind, long[] shape, long flat, PadKey padKey) {
        return switch (kind) {
            case "mta_kernel", "mta_kernel_after_sm" -> {
                KernelShape one = new KernelShape((int) shape[2], (int) shape[3]);
                long inHead = flat % ((long) one.queries() * one.keys());
                yield inHead == one.identityTap(padKey) ? 1 : 0;
            }
            case "head_kernel", "wpsm", "wposm" -> {
                long cols = shape[shape.length - 1];
                long inMatrix = flat % (cols * cols);
                yield inMatrix / cols == inMatrix % cols ? 1 : 0;
            }
            default -> throw new IllegalArgumentException("not an MTA kernel kind: " + kind);
        };
    }
}
