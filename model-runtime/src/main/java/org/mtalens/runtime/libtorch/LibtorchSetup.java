package org.mtalens.runtime.libtorch;

import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the libtorch flavour ({@link FlavourRules}) once per process, before PyTorch starts, and points
 * DJL at it: unpacks it to DJL's cache if needed and sets the system properties DJL reads
 * ({@code PYTORCH_LIBRARY_PATH}, {@code PYTORCH_FLAVOR}). A CUDA libtorch that cannot be unpacked falls back
 * to the CPU one when the build carries it.
 *
 * @param bundled the libtorch flavours the class path carries
 * @param driver  what the machine offers CUDA
 * @param choice  the flavour PyTorch starts with, and why
 * @param folder  the folder DJL was pointed at, or null when DJL finds its libtorch itself
 */
public record LibtorchSetup(List<BundledLibtorch> bundled, CudaDriver driver, LibtorchChoice choice, Path folder) {
    private static LibtorchSetup current;

    public LibtorchSetup {
        bundled = List.copyOf(bundled);
    }

    /** @return the setup of this process, made on the first call (call before PyTorch starts; never throws) */
    public static synchronized LibtorchSetup prepare() {
        if (current == null) {
            ClassLoader loader = classLoader();
            List<BundledLibtorch> bundled = BundledLibtorch.onClassPath(loader);
            CudaDriver driver = CudaDriver.probe();
            LibtorchChoice choice = FlavourRules.choose(bundled, driver, System.getProperty(FlavourRules.PROPERTY), djlSettings());
            current = pointDjlAt(bundled, driver, choice, loader, Utils.getEngineCacheDir("pytorch"));
        }
        return current;
    }

    static LibtorchSetup pointDjlAt(List<BundledLibtorch> bundled, CudaDriver driver, LibtorchChoice choice,
                                    ClassLoader loader, Path cacheDir) {
        if (choice.bundled() == null) {
            return new LibtorchSetup(bundled, driver, choice, null);
        }
        try {
            Path folder = unpack(choice.bundled(), loader, cacheDir);
            System.setProperty("PYTORCH_LIBRARY_PATH", folder.toString());
            System.setProperty("PYTORCH_FLAVOR", choice.flavour());
            return new LibtorchSetup(bundled, driver, choice, folder);
        } catch (IOException e) {
            String problem = "cannot unpack the " + choice.flavour() + " libtorch to " + cacheDir + ": " + e.getMessage();
            BundledLibtorch cpu = bundled.stream().filter(b -> !b.cuda()).findFirst().orElse(null);
            if (choice.cuda() && cpu != null) {
                return pointDjlAt(bundled, driver, LibtorchChoice.of(cpu, problem, true), loader, cacheDir);
            }
            return new LibtorchSetup(bundled, driver, LibtorchChoice.impossible(problem), null);
        }
    }

    private static Path unpack(BundledLibtorch libtorch, ClassLoader loader, Path cacheDir) throws IOException {
        if (!LibtorchExtraction.present(libtorch, cacheDir)) {
            System.err.printf("mta-lens: unpacking the %s libtorch to %s (once)...%n", libtorch.flavour(), cacheDir);
        }
        return LibtorchExtraction.ensure(libtorch, loader, cacheDir);
    }

    /** @return DJL's flavour settings the user gave, as environment variables or system properties */
    static Map<String, String> djlSettings() {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : FlavourRules.DJL_SETTINGS) {
            String value = Utils.getEnvOrSystemProperty(name);
            if (value != null && !value.isBlank()) {
                given.put(name, value);
            }
        }
        return given;
    }

    /** @return the class loader DJL looks for native jars in (the thread's context loader) */
    static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : LibtorchSetup.class.getClassLoader();
    }
}
