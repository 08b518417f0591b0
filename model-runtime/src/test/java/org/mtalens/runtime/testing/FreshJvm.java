package org.mtalens.runtime.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mtalens.runtime.InvalidInputException;
import picocli.CommandLine;

/**
 * Runs one command-line command in a new JVM on the test class path: for what happens before PyTorch starts
 * (the libtorch flavour), which a JVM does only once. Exit codes as {@code mta-lens}'s: 2 for bad input.
 */
public final class FreshJvm {
    /** What the command did. */
    public record Result(int exit, String out, String err) {
    }

    private FreshJvm() {
    }

    /**
     * @param jvmOptions e.g. {@code -Dmtalens.libtorch=cpu}
     * @param command    a picocli command class with a no-argument constructor
     */
    public static Result run(List<String> jvmOptions, Class<?> command, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dai.djl.offline=true"));
        line.addAll(jvmOptions);
        line.addAll(List.of("-cp", System.getProperty("java.class.path"), FreshJvm.class.getName(), command.getName()));
        line.addAll(List.of(args));
        Path out = Files.createTempFile("fresh-jvm", ".out");
        Path err = Files.createTempFile("fresh-jvm", ".err");
        try {
            Process process = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the command did not end within 120 s: " + line);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The new JVM's entry point: {@code COMMAND_CLASS ARGS...}. */
    public static void main(String[] args) throws ReflectiveOperationException {
        CommandLine cli = new CommandLine(Class.forName(args[0]).getDeclaredConstructor().newInstance());
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            c.getErr().println("mta-lens: " + e.getMessage());
            return e instanceof InvalidInputException ? 2 : 1;
        });
        System.exit(cli.execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
}
