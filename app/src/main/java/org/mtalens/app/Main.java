package org.mtalens.app;

import java.util.Arrays;
import org.mtalens.app.cli.MtaLensCommand;

/**
 * The one entry point, for {@code bin/mta-lens}. Deliberately not a JavaFX {@code Application} (it starts the
 * window through the {@code app} command). Before anything else runs it makes the libraries quiet: stderr holds
 * what MTA Lens means to say, unless {@code --verbose} asks for the libraries' logs too.
 */
public final class Main {
    /** The option that lets the libraries log (SLF4J at info, java.util.logging at its defaults). */
    static final String VERBOSE = "--verbose";

    private Main() {
    }

    public static void main(String[] args) {
        boolean verbose = Arrays.asList(args).contains(VERBOSE);
        Logs.configure(verbose);
        String[] rest = Arrays.stream(args).filter(a -> !a.equals(VERBOSE)).toArray(String[]::new);
        System.exit(MtaLensCommand.execute(rest));
    }
}
