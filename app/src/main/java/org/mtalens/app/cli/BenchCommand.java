package org.mtalens.app.cli;

import org.mtalens.app.bench.ScaleBenchmarkCommand;
import org.mtalens.runtime.bench.ConvBenchmarkCommand;
import org.mtalens.runtime.bench.ForwardBenchmarkCommand;
import org.mtalens.runtime.bench.MemoryBenchmarkCommand;
import org.mtalens.runtime.bench.LoadBenchmarkCommand;
import org.mtalens.app.bench.RenderBenchmarkCommand;
import picocli.CommandLine.Command;

/** {@code mta-lens bench ...}: the benchmarks; each lives in the module whose speed it measures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed and memory: the forward pass, the key-query convolution alone, the peak memory of a "
                + "one-layer capture, checkpoint loading, map rendering, the app at the paper's 830M scale.",
        subcommands = {ForwardBenchmarkCommand.class, ConvBenchmarkCommand.class, MemoryBenchmarkCommand.class,
                LoadBenchmarkCommand.class, RenderBenchmarkCommand.class, ScaleBenchmarkCommand.class})
public final class BenchCommand {
}
