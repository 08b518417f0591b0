package org.mtalens.packaging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds MTA Lens's app image, and optionally its .deb, from the launcher's class path:
 * <pre>
 * Packager --input DIR --main-jar JAR --version V --resources DIR --dest DIR --types app-image[,deb]
 * </pre>
 * Steps: draw the icon, jlink a Java runtime of {@link LauncherSettings#RUNTIME_MODULES}, jpackage the app image
 * ({@code DEST/image/mta-lens}, launcher {@code bin/mta-lens}), and for {@code deb} jpackage a Debian package of that
 * image ({@code DEST/deb}) with a menu entry. Prints each step's time and size.
 */
public final class Packager {
    private final Map<String, String> options;
    private final Path dest;

    private Packager(Map<String, String> options) {
        this.options = options;
        this.dest = Path.of(required("--dest"));
    }

    public static void main(String[] args) throws IOException {
        Packager packager = new Packager(options(args));
        packager.build(List.of(packager.required("--types").split(",")));
    }

    private void build(List<String> types) throws IOException {
        Path icon = dest.resolve(LauncherSettings.NAME + ".png");
        AppIcon.write(icon, 256);
        Path runtime = timed("jlink runtime", dest.resolve("runtime"), this::linkRuntime);
        Path image = timed("app image", dest.resolve("image"), out -> packageImage(runtime, icon, out))
                .resolve(LauncherSettings.NAME);
        if (types.contains("deb")) {
            timed(".deb", dest.resolve("deb"), out -> packageDeb(image, icon, out));
        }
    }

    private void linkRuntime(Path out) {
        JdkTool.run("jlink", List.of("--add-modules", String.join(",", LauncherSettings.RUNTIME_MODULES),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2", "--output", out.toString()));
    }

    private void packageImage(Path runtime, Path icon, Path out) throws java.io.IOException {
        JavaFxModules.keepPlatformJars(Path.of(required("--input"), "javafx"));
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", LauncherSettings.NAME,
                "--input", required("--input"), "--main-jar", required("--main-jar"),
                "--main-class", LauncherSettings.MAIN_CLASS, "--runtime-image", runtime.toString(), "--icon", icon.toString(),
                "--app-version", version(), "--description", LauncherSettings.DESCRIPTION, "--vendor", LauncherSettings.VENDOR,
                "--dest", out.toString()));
        List<String> options = new ArrayList<>(LauncherSettings.JVM_OPTIONS);
        options.addAll(LauncherSettings.javafxOptions(monocleJar()));
        for (String option : options) {
            args.addAll(List.of("--java-options", option));
        }
        JdkTool.run("jpackage", args);
        JavaFxModules.offTheClassPath(out.resolve(LauncherSettings.NAME).resolve("lib/app").resolve(LauncherSettings.NAME + ".cfg"));
    }

    /** @return the file name of the Monocle jar among the image's JavaFX jars */
    private String monocleJar() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(required("--input"), "javafx"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("openjfx-monocle")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no openjfx-monocle jar in the input's javafx folder"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void packageDeb(Path image, Path icon, Path out) {
        JdkTool.run("jpackage", List.of("--type", "deb", "--app-image", image.toString(), "--name", LauncherSettings.NAME,
                "--app-version", version(), "--description", LauncherSettings.DESCRIPTION, "--vendor", LauncherSettings.VENDOR,
                "--icon", icon.toString(), "--resource-dir", required("--resources"),
                "--install-dir", "/opt", "--linux-shortcut", "--linux-menu-group", "Science;Education;", "--linux-app-category", "science",
                "--linux-deb-maintainer", LauncherSettings.MAINTAINER_EMAIL,
                "--linux-package-deps", LauncherSettings.DEB_DEPENDENCIES, "--dest", out.toString()));
    }

    /** Runs one step into a fresh {@code out} folder and prints its time and size. */
    private Path timed(String step, Path out, Step action) throws IOException {
        Folders.delete(out);
        long start = System.nanoTime();
        action.run(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("mta-lens packaging: %s in %.1f s, %.0f MB: %s%n", step, seconds, Folders.bytes(out) / 1e6, out);
        return out;
    }

    private String version() {
        return LauncherSettings.packageVersion(required("--version"));
    }

    private String required(String option) {
        String value = options.get(option);
        if (value == null) {
            throw new IllegalArgumentException("Packager needs " + option);
        }
        return value;
    }

    private static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("Packager takes --option value pairs");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /** One packaging step writing into its output folder. */
    @FunctionalInterface
    private interface Step {
        void run(Path out) throws IOException;
    }
}
