package org.mtalens.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens train-toy --config FILE --seed S --out DIR}: trains a find-the-block model, printing a
 * progress line (step, loss, tokens/s, ETA), logging {@code loss.csv} beside the checkpoint, saving a
 * resumable checkpoint every {@code save_every} steps (run it again with the same arguments to resume),
 * optionally keeping snapshots every {@code --keep-every} steps in {@code DIR/step-NNNNNN/},
 * and at the end writing {@code eval.json}. Bad input propagates as
 * {@link org.mtalens.runtime.InvalidInputException} (exit code 2).
 */
@Command(name = "train-toy", mixinStandardHelpOptions = true,
        description = "Train a find-the-block toy model (baseline or MTA) on the CPU; resumes from DIR's last save.")
public final class TrainToyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "training config (JSON: model, task, training)")
    Path config;

    @Option(names = "--seed", defaultValue = "42", description = "training seed: initial weights and data (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "checkpoint folder (created; resumed if it holds a save)")
    Path out;

    @Option(names = "--log-every", defaultValue = "50", description = "steps between progress lines (default ${DEFAULT-VALUE})")
    int logEvery;

    @Option(names = "--keep-every", defaultValue = "0", paramLabel = "N",
            description = "also keep the weights at step 0 and every N steps in DIR/step-NNNNNN/ (a checkpoint series "
                    + "for 'mta-lens kernels'); 0 keeps none (default ${DEFAULT-VALUE})")
    int keepEvery;

    @Option(names = "--eval-instances", defaultValue = "1000",
            description = "instances for the final eval.json; 0 skips it (default ${DEFAULT-VALUE})")
    int evalInstances;

    @Option(names = "--eval-seed", defaultValue = "1000", description = "evaluation seed for eval.json (default ${DEFAULT-VALUE})")
    long evalSeed;

    /** Runs this command alone (the app's {@code bin/mta-lens} registers it as a subcommand). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new TrainToyCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        ToyTrainingConfig settings = ToyTrainingConfig.read(config);
        PrintWriter console = spec.commandLine().getOut();
        int every = Math.max(1, logEvery);
        PrintWriter errors = spec.commandLine().getErr();
        new ToyTrainer(settings, seed, out, keepEvery).train(p -> {
            if (Double.isNaN(p.loss())) {
                errors.println("train-toy: step " + p.step() + ": loss or gradient not finite, update skipped");
                errors.flush();
            }
            if (p.step() % every == 0 || p.step() == p.steps()) {
                console.println(p.line());
                console.flush();
            }
        });
        if (evalInstances > 0) {
            ToyEvaluationResult result = ToyEvaluation.evaluate(out, evalInstances, evalSeed)
                    .named(String.valueOf(out.toAbsolutePath().normalize().getFileName()));
            ToyCheckpointFiles.writeJson(out.resolve(ToyCheckpointFiles.EVALUATION), result.toJson());
            console.println(result.text());
        }
        console.flush();
        return 0;
    }
}
