package org.mtalens.packaging;

import java.util.List;

/**
 * What the installed {@code mta-lens} launcher is: its name, main class, the JVM options {@code bin/mta-lens}
 * passes, the Java modules its runtime holds, and how it appears in the desktop menu and the package manager.
 */
final class LauncherSettings {
    /** The launcher, the app image folder and the Debian package. */
    static final String NAME = "mta-lens";
    static final String MAIN_CLASS = "org.mtalens.app.Main";
    static final String DESCRIPTION = "A microscope for Multi-Token Attention language models";
    static final String VENDOR = "MTA Lens";
    static final String MAINTAINER_EMAIL = "mta-lens@users.noreply.github.com";

    /** The options {@code bin/mta-lens} starts Java with: memory, and never downloading anything at run time. */
    static final List<String> JVM_OPTIONS = List.of("-XX:MaxRAMPercentage=70", "-Dai.djl.offline=true");

    /**
     * JavaFX from the module path (the image holds its jars in {@code app/javafx/}), Monocle patched into
     * javafx.graphics for {@code snapshot}: as {@code bin/mta-lens} runs it, so no unsupported-configuration warning.
     */
    static List<String> javafxOptions(String monocleJar) {
        return List.of("--module-path=$APPDIR/javafx", "--add-modules=javafx.controls,javafx.swing",
                "--patch-module=javafx.graphics=$APPDIR/javafx/" + monocleJar,
                "--add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED");
    }

    /**
     * The runtime's modules: what {@code jdeps --print-module-deps --ignore-missing-deps} reports for the app and its
     * class path (module-info stripped from the modular jars), plus {@code jdk.zipfs} and {@code jdk.management}.
     * The JDK's native commands stay: the tokenizer check starts {@code java.home/bin/java} in a separate process.
     */
    static final List<String> RUNTIME_MODULES = List.of("java.base", "java.compiler", "java.desktop", "java.logging",
            "java.management", "java.prefs", "java.sql", "jdk.management", "jdk.unsupported", "jdk.unsupported.desktop",
            "jdk.zipfs");

    /**
     * Debian packages the .deb needs beyond those jpackage finds from the runtime's native libraries: JavaFX's
     * libraries come out of its jars at run time and need GTK 3 (t64 distributions provide libgtk-3-0 too).
     */
    static final String DEB_DEPENDENCIES = "libgtk-3-0";

    private LauncherSettings() {
    }

    /** @return the project version as jpackage accepts it: {@code 0.1.0-SNAPSHOT} becomes {@code 0.1.0} */
    static String packageVersion(String projectVersion) {
        String numbers = projectVersion.split("-", 2)[0];
        if (!numbers.matches("\\d+(\\.\\d+){0,3}")) {
            throw new IllegalArgumentException("version '" + projectVersion + "' does not start with 1 to 4 numbers");
        }
        return numbers;
    }
}
