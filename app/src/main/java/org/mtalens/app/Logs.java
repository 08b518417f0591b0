package org.mtalens.app;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How loud the libraries are. SLF4J (DJL's logging) goes to slf4j-simple, off unless verbose; java.util.logging
 * (JavaFX, java.util.prefs) keeps only severe messages unless verbose.
 */
final class Logs {
    /** Kept so the configured level is not garbage-collected with its logger. */
    private static final Logger ROOT = Logger.getLogger("");

    private Logs() {
    }

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (!verbose) {
            ROOT.setLevel(Level.SEVERE);
        }
    }
}
