package org.mtalens.runtime.inspect;

import org.mtalens.runtime.checkpoint.Tensor;

/**
 * The official identity initialisation of the MTA kernels, as the value at each flat (row-major)
 * index: key-query kernels {@code [H,1,c_q,c_k]} are 1 at row c_q-1, column c_k//2 of each head;
 * {@code head_kernel [G,c,c]} is the identity in each group; {@code wpsm}/{@code wposm} {@code [H,H]}
 * are the identity matrix.
 */
final class IdentityInit {
    private IdentityInit() {
    }

    /** @return the L2 norm of (tensor - identity init) for a kernel of this kind */
    static double distance(String kind, Tensor kernel) {
        long[] shape = kernel.shape();
        double[] sum = {0};
        TensorValues.forEachChunk(kernel, (start, v, n) -> {
            for (int i = 0; i < n; i++) {
                double d = v[i] - identityAt(kind, shape, start + i);
                sum[0] += d * d;
            }
        });
        return Math.sqrt(sum[0]);
    }

    static double identityAt(String kind, long[] shape, long flat) {
        return switch (kind) {
            case "mta_kernel", "mta_kernel_after_sm" -> {
                long cq = shape[2];
                long ck = shape[3];
                long inHead = flat % (cq * ck);
                yield inHead == (cq - 1) * ck + ck / 2 ? 1 : 0;
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
