package org.mtalens.runtime.libtorch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules that choose the libtorch flavour, from what the build carries and what the machine has:
 * <ol>
 *   <li>the user's own DJL settings ({@code PYTORCH_LIBRARY_PATH}, {@code PYTORCH_FLAVOR},
 *       {@code PYTORCH_VERSION}) leave the choice to DJL;</li>
 *   <li>{@code -Dmtalens.libtorch=FLAVOUR} takes that flavour, if the build carries it;</li>
 *   <li>a CUDA libtorch, when the build carries one and the driver reports a GPU and runs its CUDA version;</li>
 *   <li>else the CPU libtorch.</li>
 * </ol>
 * A CUDA libtorch, or any flavour the user named, is unpacked and pointed at by MTA Lens (DJL's own
 * detection needs the CUDA toolkit's {@code libcudart.so} and, without one, would look for a CPU libtorch
 * to download); the CPU libtorch of a CPU-only build is left to DJL, as before.
 */
public final class FlavourRules {
    /** System property naming the flavour to use: {@code cpu}, {@code cu124} (see {@code doctor}). */
    public static final String PROPERTY = "mtalens.libtorch";
    /** DJL's own settings (environment variables or system properties); any of them leaves the choice to DJL. */
    public static final List<String> DJL_SETTINGS = List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_FLAVOR", "PYTORCH_VERSION");

    private FlavourRules() {
    }

    /**
     * @param bundled     the libtorch the class path carries ({@link BundledLibtorch#onClassPath})
     * @param driver      what the machine has
     * @param requested   the {@value #PROPERTY} value, or null
     * @param djlSettings the DJL settings the user gave, by name
     */
    public static LibtorchChoice choose(List<BundledLibtorch> bundled, CudaDriver driver, String requested,
                                        Map<String, String> djlSettings) {
        if (!djlSettings.isEmpty()) {
            return new LibtorchChoice(djlSettings.getOrDefault("PYTORCH_FLAVOR", "as DJL finds it"), false,
                    "your DJL settings decide: " + describe(djlSettings), null, null);
        }
        if (bundled.isEmpty()) {
            return LibtorchChoice.impossible("this build carries no libtorch (no " + BundledLibtorch.PROPERTIES
                    + " on the class path); rebuild MTA Lens");
        }
        if (requested != null && !requested.isBlank()) {
            return requestedFlavour(bundled, requested.trim());
        }
        Optional<BundledLibtorch> cuda = bundled.stream().filter(BundledLibtorch::cuda).findFirst();
        Optional<BundledLibtorch> cpu = bundled.stream().filter(b -> !b.cuda()).findFirst();
        if (cuda.isEmpty()) {
            return LibtorchChoice.of(cpu.orElseThrow(), "this build carries only the CPU libtorch (MTA_LENS_GPU=1 builds with "
                    + "the CUDA one)" + (driver.usable() ? "" : "; and " + driver.problem()), false);
        }
        Optional<String> missing = cudaMissing(cuda.get(), driver);
        if (missing.isEmpty()) {
            return LibtorchChoice.of(cuda.get(), "the NVIDIA driver runs CUDA " + CudaDriver.versionText(driver.cudaVersion())
                    + " and reports " + gpus(driver), true);
        }
        return cpu.map(c -> LibtorchChoice.of(c, missing.get(), true))
                .orElseGet(() -> LibtorchChoice.impossible(missing.get() + ", and this build carries no CPU libtorch to fall back to"));
    }

    /** @return what this machine lacks to run {@code cuda}, for users; empty when nothing */
    public static Optional<String> cudaMissing(BundledLibtorch cuda, CudaDriver driver) {
        if (!driver.usable()) {
            return Optional.of(driver.problem());
        }
        if (driver.cudaVersion() < cuda.cudaVersion()) {
            return Optional.of("the NVIDIA driver" + (driver.kernelModule() == null ? "" : " " + driver.kernelModule())
                    + " runs CUDA up to " + CudaDriver.versionText(driver.cudaVersion()) + " but the CUDA libtorch needs CUDA "
                    + CudaDriver.versionText(cuda.cudaVersion()) + " (update the driver)");
        }
        return Optional.empty();
    }

    private static LibtorchChoice requestedFlavour(List<BundledLibtorch> bundled, String requested) {
        return bundled.stream().filter(b -> b.flavour().equals(requested)).findFirst()
                .map(b -> LibtorchChoice.of(b, PROPERTY + "=" + requested, true))
                .orElseGet(() -> LibtorchChoice.impossible(PROPERTY + "=" + requested + ": this build carries "
                        + bundled.stream().map(BundledLibtorch::flavour).collect(Collectors.joining(" and "))
                        + (bundled.stream().anyMatch(BundledLibtorch::cuda) ? "" : " (MTA_LENS_GPU=1 builds with the CUDA libtorch too)")));
    }

    private static String gpus(CudaDriver driver) {
        return driver.gpus().size() == 1 ? "1 GPU" : driver.gpus().size() + " GPUs";
    }

    private static String describe(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
