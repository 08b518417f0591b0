package org.mtalens.runtime.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.mtalens.runtime.InvalidInputException;

/** Chooses where the model runs: a GPU when DJL reports one, else the CPU, unless the user says. */
public final class ComputeDevice {
    /** System property that overrides the choice: {@code cpu} or {@code gpu}. */
    public static final String PROPERTY = "mtalens.device";

    private ComputeDevice() {
    }

    /**
     * @param requested {@code cpu}, {@code gpu}, {@code auto} or null (then the system property, then auto)
     * @return the device to use
     */
    public static Device resolve(String requested) {
        String choice = requested != null ? requested : System.getProperty(PROPERTY, "auto");
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        return switch (choice.toLowerCase(Locale.ROOT)) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new InvalidInputException("--device gpu: no GPU is available to PyTorch here "
                            + "(build with MTA_LENS_GPU=1 for the CUDA library, and check the driver)");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new InvalidInputException("device '" + choice + "' is not cpu, gpu or auto");
        };
    }

    /** @return a name for users, e.g. {@code cpu} or {@code gpu(0)} */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }
}
