package org.mtalens.runtime.inspect;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtalens.runtime.analysis.KernelSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens kernels CKPT1 CKPT2 ... [--json]}: each key-query kernel's distance from its identity
 * initialisation across a series of checkpoints of one run, and its pattern at the last one (see
 * {@link org.mtalens.runtime.analysis.KernelClassifier}). Bad input (unreadable checkpoint, checkpoints of
 * different shapes, no key-query kernels) propagates as {@link org.mtalens.runtime.InvalidInputException}
 * (exit code 2 at the top level).
 */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = {"Follow each key-query kernel across checkpoints of one run: distance from the identity "
                + "initialisation per checkpoint and the kernel's pattern at the last one.",
                "Patterns (first that holds): near_identity = identity tap positive and the other taps' L2 norm "
                        + "<= 0.3 of the kernel's; diagonal = >= 60%% of the |w| mass on the query offset = key offset "
                        + "diagonal and two strong (>= 0.25 max|w|) same-sign taps on it; edge = strong + and - taps "
                        + "adjacent along keys or queries and the smaller sign's |w| mass >= 25%%; other."})
public final class KernelSeriesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CKPT",
            description = "checkpoints in series order (folder, its consolidated/ folder, or weights file)")
    List<Path> checkpoints;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    @Override
    public Integer call() {
        KernelSeries series = KernelSeries.load(checkpoints);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(KernelSeriesJson.toJson(series, checkpoints));
        } else {
            KernelSeriesText.write(series, out);
        }
        out.flush();
        return 0;
    }
}
