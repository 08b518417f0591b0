package org.mtalens.samples;

import java.util.Random;
import org.mtalens.runtime.config.ModelConfig;

/** Initial values of one parameter, as the official (lingua + MTA) code initialises it. */
final class ParameterInit {
    private ParameterInit() {
    }

    /** @return row-major values of {@code key} with {@code shape} */
    static float[] values(String key, long[] shape, ModelConfig config, Random random) {
        int count = Math.toIntExact(org.mtalens.runtime.checkpoint.Tensor.elementCount(shape));
        float[] v = new float[count];
        if (key.endsWith("norm.weight") || key.endsWith("subln.weight")) {
            java.util.Arrays.fill(v, 1f);
        } else if (key.endsWith("mta_kernel") || key.endsWith("mta_kernel_after_sm")) {
            identityKernel(v, shape);
        } else if (key.endsWith("head_kernel") || key.endsWith("wpsm.weight") || key.endsWith("wposm.weight")) {
            identityMatrices(v, shape);
        } else if (key.endsWith("gate.bias")) {
            return v;
        } else {
            double std = key.endsWith("feed_forward.w2.weight") ? Math.pow(config.ffnHiddenDim(), -0.5)
                    : Math.pow(config.dim(), -0.5);
            for (int i = 0; i < count; i++) {
                v[i] = (float) (std * truncatedNormal(random));
            }
        }
        return v;
    }

    /** [H, 1, c_q, c_k]: 1 at row c_q-1, column c_k//2 of each head (the official identity init). */
    private static void identityKernel(float[] v, long[] shape) {
        int cq = (int) shape[2];
        int ck = (int) shape[3];
        for (int head = 0; head < shape[0]; head++) {
            v[head * cq * ck + (cq - 1) * ck + ck / 2] = 1f;
        }
    }

    /** [..., c, c]: the identity in every trailing square matrix. */
    private static void identityMatrices(float[] v, long[] shape) {
        int c = (int) shape[shape.length - 1];
        for (int start = 0; start < v.length; start += c * c) {
            for (int i = 0; i < c; i++) {
                v[start + i * c + i] = 1f;
            }
        }
    }

    /** A standard normal truncated to [-3, 3] (torch's trunc_normal_ with a = -3 std, b = 3 std). */
    private static double truncatedNormal(Random random) {
        double x;
        do {
            x = random.nextGaussian();
        } while (Math.abs(x) > 3);
        return x;
    }
}
