package org.mtalens.runtime.html;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the web page's tests: opens a file with a fresh profile, no GPU, no sandbox (tests may run
 * as root), nothing in the background that would go to the network. Found as {@code -Dmtalens.chromium=PATH}, else
 * {@code chromium}, {@code chromium-browser} or {@code google-chrome} on the PATH.
 */
final class Chromium {
    /**
     * {@code -Dmtalens.browserTest=require} fails the browser tests on a machine without Chromium (as CI does: it
     * runs with {@code CI=true} after {@code .ci/run} installed Chromium); elsewhere they are skipped, saying why.
     */
    static final String REQUIRE_PROPERTY = "mtalens.browserTest";
    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;
    private final Path workDir;

    private Chromium(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /** @return Chromium, or fails the test saying how to install it (or skips it when asked to) */
    static Chromium require(Path workDir) {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String named = System.getProperty("mtalens.chromium");
            String missing = "the web page's browser test needs headless Chromium and found "
                    + (named == null || named.isBlank() ? "none" : "no executable -Dmtalens.chromium=" + named) + ": install it "
                    + "(Debian/Ubuntu: apt-get install chromium) or name it with -Dmtalens.chromium=/path/to/chrome";
            if ("require".equals(System.getProperty(REQUIRE_PROPERTY)) || "true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing + " (skipped; CI=true or -D" + REQUIRE_PROPERTY + "=require makes it a failure)");
        }
        return new Chromium(found.get(), workDir);
    }

    private static Optional<Path> find() {
        String named = System.getProperty("mtalens.chromium");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** @return the page's DOM after its scripts ran, as Chromium serialises it */
    String dumpDom(Path page, String fragment) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url(page, fragment)));
    }

    /** Writes a PNG of the page in a {@code width} x {@code height} window. */
    void screenshot(Path page, String fragment, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), url(page, fragment)));
    }

    private static String url(Path page, String fragment) {
        return page.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        Path stdout = workDir.resolve("chromium.out");
        Path stderr = workDir.resolve("chromium.err");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            fail("Chromium failed (exit code " + process.exitValue() + "): " + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
