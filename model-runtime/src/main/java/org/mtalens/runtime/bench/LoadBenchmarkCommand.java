package org.mtalens.runtime.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.SafetensorsWriter;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.checkpoint.TensorConversion;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.ModelConfigReader;
import org.mtalens.runtime.inspect.CheckpointInspection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens bench load}: writes an 830M-shaped random MTA checkpoint (the paper's 830M config)
 * as safetensors in BF16 and F32, then times reading the file with {@code cat}, a full load (every
 * tensor widened to fp32 once) and inspect, each cold-ish (the file's page cache dropped with
 * {@code dd iflag=nocache}) and warm, and reports peak heap. A benchmark, not a test.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Benchmark checkpoint loading on an 830M-shaped random checkpoint (BF16 and F32 safetensors).")
public final class LoadBenchmarkCommand implements Callable<Integer> {
    /** The paper's 830M model: dim 1536, 24 layers, 16 heads, MTA on every 4th layer from 2. */
    static final String CONFIG_830M = """
            {"name": "random-830m", "dim": 1536, "n_layers": 24, "n_heads": 16, "vocab_size": %d,
             "multiple_of": 256, "max_seqlen": 2048, "weight_tying": true,
             "mta": {"use_mta": true, "query_kernel_size": 6, "key_kernel_size": 11, "pad_key": "both",
                     "after_sm_query_kernel_size": 6, "after_sm_key_kernel_size": 11,
                     "mta_layers": "2,6,10,14,18,22", "head_kernel_size": 16, "pre_sm_linear_head": true,
                     "group_norm": true, "add_gating": true, "gate_1d": true}}
            """;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "where to write the checkpoints (default: a new temp folder)")
    Path dir;

    @Option(names = "--vocab", description = "vocabulary size (default ${DEFAULT-VALUE}, Llama 3)")
    int vocab = 128_256;

    @Option(names = "--keep", description = "keep the written checkpoints")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("mta-lens-bench");
        String configJson = CONFIG_830M.formatted(vocab);
        ModelConfig config = ModelConfigReader.parseConfigJson(configJson, "830M config");
        out.printf(Locale.ROOT, "cores %d, max heap %.2f GB, model %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e9, config.name());
        try {
            for (DType dtype : List.of(DType.BF16, DType.F32)) {
                Path folder = Files.createDirectories(root.resolve(dtype.name().toLowerCase(Locale.ROOT)));
                Files.writeString(folder.resolve("config.json"), configJson);
                long t0 = System.nanoTime();
                writeRandom(folder.resolve("model.safetensors"), config, dtype);
                out.printf(Locale.ROOT, "%n%s: wrote %.2f GB in %.1f s%n", dtype,
                        Files.size(folder.resolve("model.safetensors")) / 1e9, seconds(t0));
                out.flush();
                measure(folder, out);
                if (!keep) {
                    delete(folder);
                }
            }
        } finally {
            if (!keep) {
                delete(root);
            }
        }
        return 0;
    }

    private void measure(Path folder, PrintWriter out) throws IOException, InterruptedException {
        Path file = folder.resolve("model.safetensors");
        double gb = Files.size(file) / 1e9;
        for (String state : List.of("cold-ish", "warm")) {
            boolean cold = state.equals("cold-ish");
            if (cold) {
                dropCache(file);
            }
            double cat = timeCat(file);
            if (cold) {
                dropCache(file);
            }
            resetPeaks();
            long t0 = System.nanoTime();
            Checkpoint checkpoint = CheckpointLoader.load(folder);
            double opened = seconds(t0);
            double checksum = widenAll(checkpoint);
            double load = seconds(t0);
            long peak = peakHeap();
            out.printf(Locale.ROOT, "  %-8s cat %.2f s (%.2f GB/s) | load+validate+scan %.2f s, full load to fp32 %.2f s"
                            + " (%.2f GB/s, %.0f%% of cat speed) | peak heap %.2f GB = %.2fx tensor bytes (checksum %.3g)%n",
                    state, cat, gb / cat, opened, load, gb / load, 100 * cat / load, peak / 1e9,
                    peak / (double) Files.size(file), checksum);
            out.flush();
        }
        long t0 = System.nanoTime();
        CheckpointInspection inspection = CheckpointInspection.inspect(folder);
        out.printf(Locale.ROOT, "  inspect (warm) %.2f s, %,d parameters%n", seconds(t0), inspection.totalParameters());
        out.flush();
    }

    /** Widens every distinct tensor to fp32 once (as handing it to the compute engine would). */
    private static double widenAll(Checkpoint checkpoint) {
        double checksum = 0;
        for (Map.Entry<String, Tensor> e : checkpoint.tensors().entrySet()) {
            if (!e.getKey().equals("output.tied_module.weight")) {
                float[] values = e.getValue().toFloatArray();
                checksum += values[values.length / 2];
            }
        }
        return checksum;
    }

    /** Writes random weights (uniform in [-0.05, 0.05), norms 1) for every tensor but a tied output. */
    static void writeRandom(Path file, ModelConfig config, DType dtype) throws IOException {
        List<SafetensorsWriter.Declared> declared = new ArrayList<>();
        config.expectedTensorShapes().forEach((name, shape) -> {
            if (!(config.isOutputTied() && name.equals("output.tied_module.weight"))) {
                declared.add(new SafetensorsWriter.Declared(name, dtype, shape));
            }
        });
        long[] state = {0x9E3779B97F4A7C15L};
        SafetensorsWriter.write(file, declared, (d, chunk) -> fill(d, chunk, state));
    }

    private static void fill(SafetensorsWriter.Declared d, ByteBuffer chunk, long[] state) {
        boolean norm = d.name().endsWith("norm.weight") || d.name().endsWith("subln.weight");
        long s = state[0];
        while (chunk.hasRemaining()) {
            s ^= s << 13;
            s ^= s >>> 7;
            s ^= s << 17;
            float v = norm ? 1f : ((s >>> 40) * 0x1p-24f - 0.5f) * 0.1f;
            TensorConversion.put(chunk, d.dtype(), v);
        }
        state[0] = s;
    }

    private static double timeCat(Path file) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process cat = new ProcessBuilder("cat", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        cat.waitFor();
        return seconds(t0);
    }

    /** Asks the kernel to drop this file's cached pages (GNU dd, no privileges needed). */
    private static void dropCache(Path file) throws IOException, InterruptedException {
        new ProcessBuilder("dd", "if=" + file, "iflag=nocache", "count=0", "status=none")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void delete(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> all = Files.walk(path)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Runs the benchmark on its own: {@code java -cp ... LoadBenchmarkCommand [--dir D]}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadBenchmarkCommand()).execute(args));
    }
}
