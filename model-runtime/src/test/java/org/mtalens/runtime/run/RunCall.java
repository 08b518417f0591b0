package org.mtalens.runtime.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Calls {@code run} with its arguments as a test would type them; its exceptions reach the test, its output {@code out}. */
final class RunCall {
    private RunCall() {
    }

    static int run(StringWriter out, String... args) throws Exception {
        RunCommand command = new RunCommand();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.parseArgs(args);
        return command.call();
    }
}
