package org.mtalens.samples;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens eval-toy CHECKPOINT --instances N --seed S [--json]}: exact-match error rate of greedy
 * decoding of the answer block on fresh instances. Bad input propagates as
 * {@link org.mtalens.runtime.InvalidInputException} (exit code 2).
 */
@Command(name = "eval-toy", mixinStandardHelpOptions = true,
        description = "Error rate of a find-the-block checkpoint on freshly generated instances (greedy decoding).")
public final class EvalToyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "toy checkpoint folder or its model.safetensors")
    Path checkpoint;

    @Option(names = "--instances", defaultValue = "1000", description = "instances to generate (default ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--seed", defaultValue = "1000", description = "evaluation seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object: error_rate, errors, instances, seed, task")
    boolean json;

    /** Runs this command alone (the app's {@code bin/mta-lens} registers it as a subcommand). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new EvalToyCommand()).execute(args));
    }

    @Override
    public Integer call() {
        ToyEvaluationResult result = ToyEvaluation.evaluate(checkpoint, instances, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? result.toJson().toString() : result.text());
        out.flush();
        return 0;
    }
}
