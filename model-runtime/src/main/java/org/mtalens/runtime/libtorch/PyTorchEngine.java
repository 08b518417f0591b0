package org.mtalens.runtime.libtorch;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.engine.StandardCapabilities;
import java.util.Optional;
import org.mtalens.runtime.InvalidInputException;

/** Starts DJL's PyTorch engine with the chosen libtorch, and says whether it can use a GPU. */
public final class PyTorchEngine {
    private PyTorchEngine() {
    }

    /**
     * @return the started engine
     * @throws InvalidInputException naming the libtorch and the cause when PyTorch cannot start
     */
    public static Engine start() {
        LibtorchSetup setup = LibtorchSetup.prepare();
        LibtorchChoice choice = setup.choice();
        if (choice.problem() != null) {
            throw new InvalidInputException("PyTorch cannot start: " + choice.problem());
        }
        try {
            return Engine.getEngine("PyTorch");
        } catch (EngineException | IllegalArgumentException | LinkageError | AssertionError e) {
            throw new InvalidInputException("PyTorch could not start (libtorch flavour: " + choice.flavour() + "; why: "
                    + choice.reason() + "): " + causes(e) + " (`mta-lens doctor` shows what was found)", e);
        }
    }

    /**
     * @return why {@code engine} cannot run on a GPU here, for users (e.g. what is missing); empty when it can
     */
    public static Optional<String> whyNoGpu(Engine engine) {
        LibtorchSetup setup = LibtorchSetup.prepare();
        if (!engine.hasCapability(StandardCapabilities.CUDA)) {
            return Optional.of("the CPU libtorch runs here: " + setup.choice().reason());
        }
        if (gpuCount(engine) == 0) {
            return Optional.of(setup.driver().usable() ? "PyTorch reports no GPU" : setup.driver().problem());
        }
        return Optional.empty();
    }

    /**
     * @return the GPUs a CUDA libtorch can use: the driver's count (DJL's own count needs the CUDA toolkit's
     *         {@code libcudart.so}, which the bundled libtorch does not), or DJL's when larger
     */
    public static int gpuCount(Engine engine) {
        if (!engine.hasCapability(StandardCapabilities.CUDA)) {
            return 0;
        }
        return Math.max(LibtorchSetup.prepare().driver().gpus().size(), engine.getGpuCount());
    }

    /** @return each cause's message, outermost first, e.g. {@code Failed to save pytorch index file: Offline mode is enabled.} */
    static String causes(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (s.indexOf(message) < 0) {
                s.append(s.length() == 0 ? "" : ": ").append(message);
            }
        }
        return s.toString();
    }
}
