package org.mtalens.runtime.bench;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mtalens.runtime.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mta-lens bench memory}: peak memory of a pass that captures one whole layer, against the budget. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Peak memory of one forward pass of the bench forward MTA model capturing every stage and head of one "
                + "layer; the capture is checked against the memory budget (40%% of the heap; set the heap with -Xmx) first.")
public final class MemoryBenchmarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--T", defaultValue = "4096", description = "Sequence length (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--layer", defaultValue = "2", description = "The captured layer (default ${DEFAULT-VALUE}, an MTA layer).")
    int layer;

    @Mixin
    BenchOptions options;

    @Override
    public Integer call() throws Exception {
        if (tokens < 1 || tokens > 4096 || layer < 0 || layer > 7) {
            throw new InvalidInputException("--T must be 1..4096 and --layer 0..7 (the benchmark model has 8 layers)");
        }
        MemoryBenchmark.Result r = new MemoryBenchmark(options.device()).run(tokens, layer);
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            BenchOptions.printJson(out, r);
        } else {
            out.printf("one pass, T=%d, capturing layer %d, %d cores%n", r.tokens(), r.layer(), r.cores());
            out.printf("  capture %.1f MB, budget %.1f MB (40%% of a %.1f MB heap)%n", r.captureBytes() / 1e6,
                    r.budgetBytes() / 1e6, r.maxHeapBytes() / 1e6);
            if (r.refusalMessage() != null) {
                out.println("  refused before running: " + r.refusalMessage());
            } else {
                out.printf("  %d maps in %.0f ms; peak heap used %.1f MB, peak resident %.1f MB%n", r.maps(), r.forwardMs(),
                        r.peakHeapUsedBytes() / 1e6, r.peakRssBytes() / 1e6);
            }
        }
        out.flush();
        return 0;
    }
}
