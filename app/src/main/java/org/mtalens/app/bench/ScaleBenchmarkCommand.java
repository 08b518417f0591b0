package org.mtalens.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.model.ComputeDevice;
import org.mtalens.runtime.bench.PaperShapedCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens bench scale}: the app's view models headless at the paper's 830M shape (a random checkpoint in the
 * official layout is written first when none is given, and measured in a fresh JVM so the writing does not count).
 */
@Command(name = "scale", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The app at real scale: open, run T tokens, show an MTA layer's pipeline, switch layer and head, draw "
                + "the grid; times and resident memory.",
                "Without --checkpoint it writes a random 830M-shaped checkpoint (3.5 GB, official layout) to a temporary folder."})
public final class ScaleBenchmarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", paramLabel = "PATH", description = "the checkpoint to open (default: write a random 830M-shaped one)")
    Path checkpoint;

    @Option(names = "--T", paramLabel = "N", defaultValue = "2048", description = "input length (default ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to write the random checkpoint (default: a temporary folder)")
    Path dir;

    @Option(names = "--keep", description = "keep the random checkpoint it wrote")
    boolean keep;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or auto (default: auto, or -Dmtalens.device)")
    String device;

    @Override
    public Integer call() throws Exception {
        if (tokens < 1) {
            throw new InvalidInputException("--T must be at least 1");
        }
        if (device != null) {
            System.setProperty(ComputeDevice.PROPERTY, device);
            ComputeDevice.resolve(device); // a device that cannot be used is exit 2 before anything is written
        }
        if (checkpoint != null) {
            print(ScaleBenchmark.run(checkpoint, tokens));
            return 0;
        }
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("mta-lens-830m");
        try {
            spec.commandLine().getErr().println("bench scale: writing a random 830M-shaped checkpoint to " + folder + " ...");
            spec.commandLine().getErr().flush();
            PaperShapedCheckpoint.write(folder, 77);
            return measureInFreshJvm(folder);
        } finally {
            if (!keep) {
                deleteQuietly(folder.resolve("consolidated").resolve("consolidated.pth"));
                deleteQuietly(folder.resolve("consolidated").resolve("params.json"));
                deleteQuietly(folder.resolve("consolidated"));
                if (dir == null) {
                    deleteQuietly(folder);
                }
            }
        }
    }

    private int measureInFreshJvm(Path folder) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mtalens.app.Main", "bench", "scale",
                "--checkpoint", folder.toString(), "--T", Integer.toString(tokens)));
        if (device != null) {
            command.addAll(List.of("--device", device));
        }
        if (json) {
            command.add("--json");
        }
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private void print(Map<String, Object> figures) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        } else {
            figures.forEach((name, value) -> out.printf("%-18s %s%n", name, value));
        }
        out.flush();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (java.io.IOException ignored) {
            // a temporary folder left behind is the operating system's to clean
        }
    }
}
