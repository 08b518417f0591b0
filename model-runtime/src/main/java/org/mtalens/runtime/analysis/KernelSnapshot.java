package org.mtalens.runtime.analysis;

/**
 * One head's key-query kernel in one checkpoint of a series.
 *
 * @param kernel               the taps, [c_q, c_k]
 * @param norm                 L2 norm of the taps
 * @param distanceFromIdentity L2 norm of (taps - the identity kernel: 1 at the identity tap for the layer's pad_key,
 *                             {@code KernelShape.identityTap}),
 *                             the per-head share of {@code inspect}'s kernel distance
 * @param pattern              what {@link KernelClassifier} calls it
 */
public record KernelSnapshot(HeadKernel kernel, double norm, double distanceFromIdentity, KernelPattern pattern) {
    /** Measures and classifies {@code kernel}. */
    public static KernelSnapshot of(HeadKernel kernel) {
        double squares = 0;
        double distance = 0;
        for (int r = 0; r < kernel.queryTaps(); r++) {
            for (int c = 0; c < kernel.keyTaps(); c++) {
                double v = kernel.value(r, c);
                boolean init = kernel.isIdentityTap(r, c);
                squares += v * v;
                distance += (v - (init ? 1 : 0)) * (v - (init ? 1 : 0));
            }
        }
        return new KernelSnapshot(kernel, Math.sqrt(squares), Math.sqrt(distance), KernelClassifier.classify(kernel));
    }
}
