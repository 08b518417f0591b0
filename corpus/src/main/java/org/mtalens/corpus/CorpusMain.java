package org.mtalens.corpus;

import java.io.PrintWriter;
import org.mtalens.runtime.InvalidInputException;
import picocli.CommandLine;

/**
 * The corpus module's entry point: {@code bin/mta-lens corpus ...} and {@code spark-submit --class
 * org.mtalens.corpus.CorpusMain}. Bad input exits 2 with one message, no stack trace.
 */
public final class CorpusMain {
    private CorpusMain() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; never calls {@code System.exit}. */
    public static int execute(String... args) {
        return execute(new CommandLine(new CorpusCommand()), args);
    }

    /** Runs {@code args} on a command line (tests give one writing to their own streams) with the exit-code policy. */
    static int execute(CommandLine cli, String... args) {
        cli.setExecutionExceptionHandler(CorpusMain::handleFailure);
        return cli.execute(args);
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        Throwable cause = e;
        while (cause != null && !(cause instanceof InvalidInputException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            err.println("mta-lens corpus: " + cause.getMessage());
            err.flush();
            return 2;
        }
        err.println("mta-lens corpus: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }
}
