package org.mtalens.runtime.libtorch;

/**
 * Whether NVIDIA's libraries may compute fp32 work in TF32 (10-bit mantissa) on a GPU. PyTorch's matrix
 * products stay fp32 by default, but cuDNN convolutions use TF32 unless {@code NVIDIA_TF32_OVERRIDE=0} is in
 * the environment when the process starts (DJL has no switch for it); {@code bin/mta-lens} sets it.
 */
public final class Tf32 {
    /** The environment variable cuBLAS and cuDNN read. */
    public static final String OVERRIDE = "NVIDIA_TF32_OVERRIDE";

    private Tf32() {
    }

    /** @return whether TF32 is switched off for this process */
    public static boolean off() {
        return "0".equals(System.getenv(OVERRIDE));
    }

    /** @return e.g. {@code off (NVIDIA_TF32_OVERRIDE=0)} */
    public static String describe() {
        return off() ? "off (" + OVERRIDE + "=0)"
                : "allowed in cuDNN convolutions on a GPU (" + OVERRIDE + " is not 0)";
    }
}
