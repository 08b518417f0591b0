package org.mtalens.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The image's JavaFX jars ({@code app/javafx/}) belong on the launcher's module path only: jpackage puts every jar of
 * its input on the class path, so their lines are taken out of the launcher's configuration afterwards; and only the
 * platform jars stay (the classifier-less ones are empty and would be second copies of each module).
 */
final class JavaFxModules {
    private JavaFxModules() {
    }

    /** Deletes the empty, platform-less {@code javafx-*.jar} of {@code folder}, keeping {@code javafx-*-linux.jar}. */
    static void keepPlatformJars(Path folder) throws IOException {
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : jars.toList()) {
                String name = jar.getFileName().toString();
                if (name.startsWith("javafx-") && !name.endsWith("-linux.jar")) {
                    Files.delete(jar);
                }
            }
        }
    }

    /** Removes the {@code app.classpath} lines of jars under {@code $APPDIR/javafx/} from the launcher's .cfg. */
    static void offTheClassPath(Path cfg) throws IOException {
        List<String> kept = Files.readAllLines(cfg).stream()
                .filter(line -> !line.startsWith("app.classpath=$APPDIR/javafx/")).toList();
        Files.write(cfg, kept);
    }
}
