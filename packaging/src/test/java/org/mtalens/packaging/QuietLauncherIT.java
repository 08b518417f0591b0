package org.mtalens.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/mta-lens} as a user runs it (after the reactor built the app, so it builds nothing): a normal run's stderr
 * holds nothing but what MTA Lens means to say — no JavaFX "unsupported configuration" warning (JavaFX is on the module
 * path), no SLF4J or DJL lines, no picocli format warnings in any help — and {@code --verbose} brings the libraries'
 * logs back.
 */
class QuietLauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("mtalens.repositoryRoot", ".."));
    private static final String TINY = ROOT.resolve("model-runtime/src/test/resources/official-mta/tiny").toString();

    @TempDir
    Path dir;

    /** @param stdout where the command's standard output goes; @return its standard error */
    private static String stderrOf(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/mta-lens").toString()));
        command.addAll(args);
        Path err = Files.createTempFile("mta-lens-stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().put("MTA_LENS_NO_BUILD", "1");
        builder.environment().remove("JAVA_OPTS");
        Process process = builder.start();
        try {
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", args).isTrue();
            assertThat(process.exitValue()).as("%s exit code; stderr: %s", args, Files.readString(err)).isZero();
            return Files.readString(err, StandardCharsets.UTF_8);
        } finally {
            Files.delete(err);
        }
    }

    @Test
    void normalRunsPrintNothingOnStderr() throws Exception {
        assertThat(stderrOf(List.of("inspect", TINY))).as("inspect").isEmpty();
        assertThat(stderrOf(List.of("run", TINY, "--tokens", "1,2,3", "--export", dir.resolve("x.npz").toString())))
                .as("run").isEmpty();
        assertThat(stderrOf(List.of("snapshot", TINY, "--out", dir.resolve("x.png").toString()))).as("snapshot (JavaFX)")
                .isEmpty();
    }

    @Test
    void everyHelpIsPrintedWithoutWarnings() throws Exception {
        for (String command : List.of("run", "inspect", "snapshot", "bench", "kernels", "train-toy", "eval-toy", "html",
                "doctor", "parity")) {
            assertThat(stderrOf(List.of(command, "--help"))).as(command + " --help").isEmpty();
        }
        assertThat(stderrOf(List.of("bench", "memory", "--help"))).as("bench memory --help").isEmpty();
    }

    @Test
    void verboseLetsTheLibrariesLog() throws Exception {
        assertThat(stderrOf(List.of("--verbose", "run", TINY, "--tokens", "1,2,3"))).contains("ai.djl");
    }
}
