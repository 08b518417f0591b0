package org.mtalens.runtime.bench;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.model.ConvolutionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mta-lens bench conv}: the key-query convolution alone, the Java causal path vs PyTorch's conv2d. */
@Command(name = "conv", mixinStandardHelpOptions = true,
        description = "Time the key-query convolution alone on the CPU (Java causal triangle vs PyTorch conv2d).")
public final class ConvBenchmarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--T", split = ",", defaultValue = "512,2048", description = "Sequence lengths (default ${DEFAULT-VALUE}).")
    int[] lengths;

    @Option(names = "--heads", defaultValue = "16", description = "Heads (default ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--kernel", defaultValue = "6x11", description = "c_q x c_k (default ${DEFAULT-VALUE}).")
    String kernel;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed runs per path; the median is reported.")
    int repeats;

    @Override
    public Integer call() {
        String[] taps = kernel.split("x");
        if (taps.length != 2 || !taps[0].matches("[1-9][0-9]*") || !taps[1].matches("[1-9][0-9]*")) {
            throw new InvalidInputException("--kernel must look like 6x11, not " + kernel);
        }
        if (heads < 1 || repeats < 1 || java.util.Arrays.stream(lengths).anyMatch(t -> t < 1)) {
            throw new InvalidInputException("--T, --heads and --repeats must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int t : lengths) {
            ConvolutionBenchmark.Result r = ConvolutionBenchmark.run(t, heads, Integer.parseInt(taps[0]),
                    Integer.parseInt(taps[1]), repeats);
            out.printf("key-query conv [1,%d,%d,%d] x [%d,1,%d,%d]: Java causal in place %.1f ms (%.1f GFLOP/s causal), "
                            + "into a new array %.1f ms; PyTorch conv2d %.1f ms (x%.2f the in-place time); max |diff| %.2g%n",
                    r.heads(), t, t, r.heads(), r.queryTaps(), r.keyTaps(), r.inPlaceMs(), r.inPlaceCausalGflops(), r.javaMs(),
                    r.torchMs(), r.torchMs() / r.inPlaceMs(), r.maxDifference());
            out.flush();
        }
        return 0;
    }
}
