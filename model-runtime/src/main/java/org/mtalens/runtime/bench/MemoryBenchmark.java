package org.mtalens.runtime.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.MapCapture;
import org.mtalens.runtime.model.MemoryBudget;
import org.mtalens.runtime.model.MtaTransformer;

/**
 * Peak memory of one forward pass of the {@link ForwardBenchmark} MTA model that captures every stage of
 * one layer: the capture is checked against the default memory budget first (as every run is), then the
 * pass runs and the process's peak resident memory and the heap's peak use are read.
 */
public final class MemoryBenchmark {
    private final Device device;

    public MemoryBenchmark(Device device) {
        this.device = device;
    }

    /**
     * @param tokens         T
     * @param layer          the layer whose every stage and head is captured
     * @param refusalMessage the budget's message when the capture was refused (then nothing ran), else null
     * @param peakRssBytes   the process's peak resident set (VmHWM) at the end, -1 where /proc is missing
     */
    public record Result(int tokens, int layer, int maps, long captureBytes, long budgetBytes, long maxHeapBytes,
                         long peakHeapUsedBytes, long peakRssBytes, double forwardMs, String refusalMessage, int cores) {
    }

    public Result run(int tokens, int layer) {
        ModelConfig config = ForwardBenchmark.mtaConfig();
        CaptureSelection oneLayer = CaptureSelection.of(Set.of(layer), null, null);
        MemoryBudget budget = MemoryBudget.defaultBudget();
        long captureBytes = MemoryBudget.captureBytes(config, oneLayer, tokens);
        long maxHeap = Runtime.getRuntime().maxMemory();
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            budget.check(config, oneLayer, tokens);
        } catch (InvalidInputException e) {
            return new Result(tokens, layer, 0, captureBytes, budget.bytes(), maxHeap, peakHeapUsed(), peakRss(), 0,
                    e.getMessage(), cores);
        }
        try (NDManager manager = NDManager.newBaseManager(device)) {
            MtaTransformer model = new MtaTransformer(config, new RandomWeights(manager, config));
            MapCapture capture = new MapCapture(oneLayer, false);
            double ms = ForwardBenchmark.time(manager, model, ForwardBenchmark.randomTokens(config, tokens), capture);
            return new Result(tokens, layer, capture.maps().size(), captureBytes, budget.bytes(), maxHeap, peakHeapUsed(),
                    peakRss(), ms, null, cores);
        }
    }

    private static long peakHeapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** @return VmHWM of this process in bytes, or -1 */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
