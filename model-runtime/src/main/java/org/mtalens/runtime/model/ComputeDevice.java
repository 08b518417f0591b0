package org.mtalens.runtime.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import java.util.Optional;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.libtorch.BundledLibtorch;
import org.mtalens.runtime.libtorch.LibtorchSetup;
import org.mtalens.runtime.libtorch.PyTorchEngine;

/**
 * Chooses where the model runs: a GPU when the libtorch in use can reach one, else the CPU, unless the user
 * says. Starts PyTorch with the libtorch flavour {@link LibtorchSetup} chose.
 */
public final class ComputeDevice {
    /** System property that overrides the choice: {@code cpu} or {@code gpu}. */
    public static final String PROPERTY = "mtalens.device";

    private static String cpuFallback;

    private ComputeDevice() {
    }

    /**
     * @param requested {@code cpu}, {@code gpu}, {@code auto} or null (then the system property, then auto)
     * @return the device to use
     * @throws InvalidInputException for an unknown device, {@code gpu} where none can run (naming what is
     *                               missing), or a PyTorch that cannot start
     */
    public static Device resolve(String requested) {
        String choice = (requested != null ? requested : System.getProperty(PROPERTY, "auto")).toLowerCase(Locale.ROOT);
        if (!choice.equals("cpu") && !choice.equals("gpu") && !choice.equals("auto")) {
            throw new InvalidInputException("device '" + choice + "' is not cpu, gpu or auto");
        }
        Engine engine = PyTorchEngine.start();
        if (choice.equals("cpu")) {
            return Device.cpu();
        }
        Optional<String> noGpu = PyTorchEngine.whyNoGpu(engine);
        if (choice.equals("gpu") && noGpu.isPresent()) {
            throw new InvalidInputException("--device gpu: no GPU can be used: " + noGpu.get());
        }
        if (noGpu.isPresent()) {
            tellCpuFallback(noGpu.get());
            return Device.cpu();
        }
        return Device.gpu();
    }

    /** Remembers why {@code auto} chose the CPU; a build that carries the CUDA libtorch also says it once on stderr. */
    private static synchronized void tellCpuFallback(String why) {
        if (cpuFallback == null && LibtorchSetup.prepare().bundled().stream().anyMatch(BundledLibtorch::cuda)) {
            System.err.println("mta-lens: running on the CPU: " + why);
        }
        cpuFallback = why;
    }

    /** @return why {@code auto} last chose the CPU, e.g. what the machine lacks for a GPU; empty if it did not */
    public static synchronized Optional<String> cpuFallback() {
        return Optional.ofNullable(cpuFallback);
    }

    /** @return a name for users, e.g. {@code cpu} or {@code gpu(0)} */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }
}
