package org.mtalens.runtime.bench;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mta-lens bench forward}: speed of the forward pass, MTA vs plain, per stage. */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Time the forward pass of a dim-1024, 8-layer, 16-head MTA model (random weights) and the same model without MTA.")
public final class ForwardBenchmarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--T", defaultValue = "512", description = "Sequence length (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed passes per measurement; the median is reported.")
    int repeats;

    @Mixin
    BenchOptions options;

    @Override
    public Integer call() throws Exception {
        if (tokens < 1 || repeats < 1) {
            throw new org.mtalens.runtime.InvalidInputException("--T and --repeats must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        ForwardBenchmark.Result r = new ForwardBenchmark(options.device(), repeats).run(tokens);
        if (options.json()) {
            BenchOptions.printJson(out, Json.of(r));
        } else {
            out.printf("forward pass, T=%d, %s, %d cores%n", r.T(), r.device(), r.cores());
            out.printf("  MTA model:        %8.1f ms  (%.0f tokens/s, %.1f GFLOP/s achieved)%n", r.forwardMs(), r.tokensPerS(), r.gflops());
            out.printf("  same without MTA: %8.1f ms%n", r.baselineForwardMs());
            out.printf("  with layer-2 capture: %8.1f ms (%.1f MB of maps)%n", r.captureForwardMs(), r.captureBytes() / 1e6);
            out.printf("  one MTA layer %.1f ms vs one plain layer %.1f ms (x%.2f)%n", r.mtaLayerMs(), r.plainLayerMs(),
                    r.mtaLayerMs() / r.plainLayerMs());
            out.printf("  fp32 matmul peak: %.1f GFLOP/s%n", r.matmulPeakGflops());
            out.println("  time per stage, all layers (ms):");
            r.stageMs().forEach((stage, ms) -> out.printf("    %-40s %8.1f%n", stage, ms));
        }
        out.flush();
        return 0;
    }

    /** The JSON shape, with the field names scripts rely on. */
    record Json(int T, double tokens_per_s, double gflops, double matmul_peak_gflops, double mta_layer_ms,
                double plain_layer_ms, double forward_ms, double baseline_forward_ms, double capture_one_layer_ms,
                long capture_one_layer_bytes, java.util.Map<String, Double> stage_ms, int cores, String device) {
        static Json of(ForwardBenchmark.Result r) {
            return new Json(r.T(), r.tokensPerS(), r.gflops(), r.matmulPeakGflops(), r.mtaLayerMs(), r.plainLayerMs(),
                    r.forwardMs(), r.baselineForwardMs(), r.captureForwardMs(), r.captureBytes(), r.stageMs(), r.cores(), r.device());
        }
    }
}
