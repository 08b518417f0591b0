package org.mtalens.runtime.doctor;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.LibUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.MtaLensVersion;
import org.mtalens.runtime.libtorch.BundledLibtorch;
import org.mtalens.runtime.libtorch.CudaDriver;
import org.mtalens.runtime.libtorch.LibtorchSetup;
import org.mtalens.runtime.libtorch.PyTorchEngine;
import org.mtalens.runtime.libtorch.Tf32;
import org.mtalens.runtime.model.MemoryBudget;

/**
 * What {@code mta-lens doctor} reports, as ordered sections (maps, lists and values; the JSON's shape): MTA Lens,
 * Java, the system and display, the libtorch found and chosen, the CUDA driver, the devices PyTorch can use, whether a
 * GPU would be used and why, TF32, the memory budget and DJL's cache.
 *
 * @param sections    the report
 * @param engineError why PyTorch cannot start, or null when it started
 */
public record DoctorReport(Map<String, Object> sections, String engineError) {
    /** @return the report for this process and machine (starts PyTorch, with the flavour MTA Lens chose) */
    public static DoctorReport gather() {
        LibtorchSetup setup = LibtorchSetup.prepare();
        Engine engine = null;
        String engineError = null;
        try {
            engine = PyTorchEngine.start();
        } catch (InvalidInputException e) {
            engineError = e.getMessage();
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mta_lens", MtaLensVersion.current());
        s.put("java", java());
        s.put("system", system());
        s.put("libtorch", libtorch(setup, engine, engineError));
        s.put("cuda_driver", driver(setup.driver()));
        s.put("devices", engine == null ? List.of() : devices(engine, setup.driver()));
        s.put("gpu", gpu(engine, engineError));
        s.put("tf32", Tf32.describe());
        s.put("memory_budget_bytes", MemoryBudget.defaultBudget().bytes());
        s.put("offline", Boolean.getBoolean("ai.djl.offline"));
        s.put("djl_cache", DjlCache.describe());
        return new DoctorReport(s, engineError);
    }

    private static Map<String, Object> java() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", System.getProperty("java.version"));
        m.put("vendor", System.getProperty("java.vendor"));
        m.put("home", System.getProperty("java.home"));
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        return m;
    }

    private static Map<String, Object> system() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("os", osName());
        m.put("kernel", System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("display", display());
        return m;
    }

    private static String osName() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst()
                    .orElse(System.getProperty("os.name"));
        } catch (IOException e) {
            return System.getProperty("os.name");
        }
    }

    private static String display() {
        List<String> found = new ArrayList<>();
        for (String name : List.of("DISPLAY", "WAYLAND_DISPLAY")) {
            Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()).ifPresent(v -> found.add(name + "=" + v));
        }
        return found.isEmpty() ? "none (the desktop app needs one; the commands do not)" : String.join(", ", found);
    }

    private static Map<String, Object> libtorch(LibtorchSetup setup, Engine engine, String engineError) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bundled", setup.bundled().stream().map(b -> b.flavour() + " " + b.version()).toList());
        m.put("chosen", setup.choice().flavour());
        m.put("why", setup.choice().reason());
        m.put("djl_pointed_at", setup.folder() == null ? "none (DJL finds its libtorch itself)" : setup.folder().toString());
        if (engine != null) {
            m.put("version", engine.getVersion());
            m.put("path", LibUtils.getLibtorchPath());
            m.put("cuda", engine.hasCapability(StandardCapabilities.CUDA));
        } else {
            m.put("error", engineError);
        }
        return m;
    }

    private static Map<String, Object> driver(CudaDriver driver) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kernel_module", driver.kernelModule() == null ? "none" : driver.kernelModule());
        m.put("cuda_version", driver.cudaVersionText().orElse("none"));
        m.put("gpus", driver.gpus().stream().map(g -> g.index() + ": " + g.name() + ", " + g.memoryBytes() + " bytes").toList());
        m.put("problem", driver.problem() == null ? "none" : driver.problem());
        return m;
    }

    private static List<Map<String, Object>> devices(Engine engine, CudaDriver driver) {
        List<Map<String, Object>> devices = new ArrayList<>();
        devices.add(Map.of("device", "cpu"));
        for (int i = 0; i < PyTorchEngine.gpuCount(engine); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("device", "gpu(" + i + ")");
            if (i < driver.gpus().size()) {
                m.put("name", driver.gpus().get(i).name());
                m.put("memory_bytes", driver.gpus().get(i).memoryBytes());
            }
            m.put("pytorch", tryOn(Device.gpu(i)));
            devices.add(m);
        }
        return devices;
    }

    /** @return {@code ok} when PyTorch computes on {@code device}, else why not */
    private static String tryOn(Device device) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            float sum = manager.ones(new Shape(2, 2)).sum().getFloat();
            return sum == 4f ? "ok" : "computes wrongly (1+1+1+1 = " + sum + ")";
        } catch (RuntimeException | LinkageError e) {
            return "fails: " + e.getMessage();
        }
    }

    private static Map<String, Object> gpu(Engine engine, String engineError) {
        Map<String, Object> m = new LinkedHashMap<>();
        Optional<String> noGpu = engine == null ? Optional.of(engineError) : PyTorchEngine.whyNoGpu(engine);
        m.put("would_use", noGpu.isEmpty());
        m.put("why", noGpu.orElse(LibtorchSetup.prepare().choice().reason()));
        return m;
    }

    /** @return whether PyTorch started */
    public boolean engineStarted() {
        return engineError == null;
    }
}
