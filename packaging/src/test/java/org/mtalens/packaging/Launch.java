package org.mtalens.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of an app image's {@code bin/mta-lens} launcher: its exit code and everything it printed. */
record Launch(int exitCode, String output) {
    private static final long TIMEOUT_MINUTES = 5;

    /** Starts the launcher with {@code args}, {@code environment} added, no JAVA_HOME and no java on the PATH. */
    static Launch of(Path image, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(image.resolve("bin/mta-lens").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("mta-lens-launch", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("PATH", "/nonexistent");
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the launcher did not finish in " + TIMEOUT_MINUTES + " minutes: " + command
                        + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Launch(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.delete(log);
        }
    }
}
