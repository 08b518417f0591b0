package org.mtalens.runtime.libtorch;

import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the machine offers a CUDA libtorch: the NVIDIA kernel module, the driver library
 * ({@code libcuda.so.1}), the newest CUDA version the driver runs, and its GPUs. Read without the
 * CUDA toolkit and without starting PyTorch, so MTA Lens can choose the libtorch flavour first.
 *
 * @param kernelModule the NVIDIA kernel module's version from {@code /proc/driver/nvidia/version}, or null
 * @param cudaVersion  the newest CUDA version the driver runs, driver-API encoded (12.4 = 12040), or 0
 * @param gpus         the GPUs the driver reports
 * @param problem      why CUDA cannot run here, for users (null when it can)
 */
public record CudaDriver(String kernelModule, int cudaVersion, List<Gpu> gpus, String problem) {
    static final Path PROC_VERSION = Path.of("/proc/driver/nvidia/version");
    private static final Pattern MODULE = Pattern.compile("Kernel Module\\s+(\\S+)");
    private static final int CUDA_ERROR_NO_DEVICE = 100;

    /**
     * One GPU as the driver reports it.
     *
     * @param index       the CUDA device ordinal ({@code gpu(index)})
     * @param name        e.g. {@code NVIDIA H200}
     * @param memoryBytes its total memory
     */
    public record Gpu(int index, String name, long memoryBytes) {
    }

    public CudaDriver {
        gpus = List.copyOf(gpus);
    }

    /** @return what this machine has (never throws: whatever is missing becomes the {@link #problem}) */
    public static CudaDriver probe() {
        String module = kernelModule(PROC_VERSION);
        CudaDriverLibrary cuda;
        try {
            cuda = Native.load(CudaDriverLibrary.FILE, CudaDriverLibrary.class);
        } catch (UnsatisfiedLinkError e) {
            return new CudaDriver(module, 0, List.of(), module == null
                    ? "no NVIDIA driver: " + PROC_VERSION + " does not exist and " + CudaDriverLibrary.FILE + " cannot be loaded"
                    : "the NVIDIA kernel module " + module + " is loaded but " + CudaDriverLibrary.FILE
                            + " cannot be loaded (is the driver's user-space library installed and on the library path?)");
        }
        return ask(cuda, module);
    }

    private static CudaDriver ask(CudaDriverLibrary cuda, String module) {
        IntByReference value = new IntByReference();
        int cudaVersion = cuda.cuDriverGetVersion(value) == 0 ? value.getValue() : 0;
        int init = cuda.cuInit(0);
        if (init != 0) {
            return new CudaDriver(module, cudaVersion, List.of(), init == CUDA_ERROR_NO_DEVICE
                    ? "no GPU: the NVIDIA driver reports no CUDA device"
                    : "the NVIDIA driver does not start (cuInit error " + init + ")");
        }
        int count = cuda.cuDeviceGetCount(value) == 0 ? value.getValue() : 0;
        List<Gpu> gpus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            gpus.add(gpu(cuda, i));
        }
        return new CudaDriver(module, cudaVersion, gpus, gpus.isEmpty() ? "no GPU: the NVIDIA driver reports no CUDA device" : null);
    }

    private static Gpu gpu(CudaDriverLibrary cuda, int ordinal) {
        IntByReference device = new IntByReference();
        cuda.cuDeviceGet(device, ordinal);
        byte[] name = new byte[256];
        cuda.cuDeviceGetName(name, name.length, device.getValue());
        LongByReference bytes = new LongByReference();
        cuda.cuDeviceTotalMem_v2(bytes, device.getValue());
        return new Gpu(ordinal, Native.toString(name, StandardCharsets.US_ASCII.name()), bytes.getValue());
    }

    static String kernelModule(Path procVersion) {
        try {
            Matcher m = MODULE.matcher(Files.readString(procVersion, StandardCharsets.US_ASCII));
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return null;
        }
    }

    /** @return whether CUDA can run here (a driver that reports at least one GPU) */
    public boolean usable() {
        return problem == null;
    }

    /** @return the driver's CUDA version as {@code 12.4}, if the driver was found */
    public Optional<String> cudaVersionText() {
        return cudaVersion > 0 ? Optional.of(versionText(cudaVersion)) : Optional.empty();
    }

    /** @return {@code 12040} as {@code 12.4} */
    static String versionText(int driverApiVersion) {
        return driverApiVersion / 1000 + "." + driverApiVersion % 1000 / 10;
    }
}
