package org.mtalens.app;

import org.mtalens.app.cli.MtaLensCommand;

/**
 * The one entry point, for {@code bin/mta-lens}. Deliberately not a JavaFX {@code Application}:
 * on a plain class path the JVM refuses to start a main class that extends it.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(MtaLensCommand.execute(args));
    }
}
