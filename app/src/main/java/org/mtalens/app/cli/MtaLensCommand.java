package org.mtalens.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.MtaLensVersion;
import org.mtalens.runtime.doctor.DoctorCommand;
import org.mtalens.runtime.html.HtmlCommand;
import org.mtalens.runtime.inspect.InspectCommand;
import org.mtalens.runtime.inspect.KernelSeriesCommand;
import org.mtalens.runtime.parity.ParityCommand;
import org.mtalens.runtime.run.RunCommand;
import org.mtalens.samples.EvalToyCommand;
import org.mtalens.samples.TrainToyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mta-lens}: with no command it opens the desktop app; otherwise it runs one command-line
 * command. Exit codes: 0 success, 2 bad input or usage (message on stderr), 1 anything else.
 */
@Command(name = "mta-lens",
        mixinStandardHelpOptions = true,
        versionProvider = MtaLensCommand.Version.class,
        description = "A microscope for Multi-Token Attention models. Without a command, opens the desktop app.",
        footer = {"", "bin/mta-lens corpus ... and bin/mta-lens bench corpus run the corpus statistics on Apache Spark"
                + " (their own module; bin/mta-lens corpus --help)."},
        subcommands = {AppCommand.class, InspectCommand.class, RunCommand.class, HtmlCommand.class, SnapshotCommand.class,
                BenchCommand.class, KernelSeriesCommand.class, TrainToyCommand.class, EvalToyCommand.class, ParityCommand.class,
                DoctorCommand.class,
                CommandLine.HelpCommand.class})
public final class MtaLensCommand implements Callable<Integer> {
    /** Documented here; {@code org.mtalens.app.Main} reads it before any library starts logging. */
    @picocli.CommandLine.Option(names = "--verbose", description = "let the libraries (DJL, JavaFX) log to stderr too")
    boolean verbose;

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @Override
    public Integer call() {
        return new AppCommand().call();
    }

    /** Runs the command line and returns its exit code; never calls {@code System.exit}. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, with every module's commands and the exit-code policy. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MtaLensCommand());
        cli.setExecutionExceptionHandler(MtaLensCommand::handleFailure);
        return cli;
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InvalidInputException invalid) {
            err.println("mta-lens: " + invalid.commandLineMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        err.println("mta-lens: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return EXIT_FAILURE;
    }

    /** {@code --version}. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"MTA Lens " + MtaLensVersion.current()};
        }
    }
}
