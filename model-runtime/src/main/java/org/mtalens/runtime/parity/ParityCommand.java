package org.mtalens.runtime.parity;

import ai.djl.Device;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.model.ComputeDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens parity}: runs every official reference fixture on a device and compares every stage map,
 * logit and activation with what the official code computed. Exit 0 when all lie within the tolerance, 1 when
 * one does not (stderr names the fixture and the array), 2 for bad input.
 */
@Command(name = "parity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the official reference fixtures and compare every stage map, logit and activation with the "
                + "official code's (exit 1 names the first array outside the tolerance)."})
public final class ParityCommand implements Callable<Integer> {
    /** The fixtures' place in a source checkout, below {@code -Dmtalens.home} (set by {@code bin/mta-lens}). */
    static final String FIXTURES_IN_CHECKOUT = "model-runtime/src/test/resources/official-mta";
    static final double CPU_TOLERANCE = 1e-4;
    static final double GPU_TOLERANCE = 1e-3;

    @Spec
    CommandSpec spec;

    @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or auto (default: auto, or -Dmtalens.device)")
    String device;

    @Option(names = "--tolerance", paramLabel = "T", description = "largest absolute difference allowed "
            + "(default: 1e-4 on the CPU, 1e-3 on a GPU)")
    Double tolerance;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "a fixture folder or a folder of them "
            + "(default: " + FIXTURES_IN_CHECKOUT + " of this checkout)")
    Path fixtures;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (tolerance != null && !(tolerance >= 0)) {
            throw new InvalidInputException("--tolerance must be a number >= 0, got " + tolerance);
        }
        List<ReferenceFixture> found = ReferenceFixture.inFolder(fixturesFolder());
        Device on = ComputeDevice.resolve(device);
        double allowed = tolerance != null ? tolerance : on.isGpu() ? GPU_TOLERANCE : CPU_TOLERANCE;
        List<FixtureParity> results = found.stream().map(f -> ParityCheck.run(f, on)).toList();
        ParityReport report = new ParityReport(ComputeDevice.describe(on), allowed, results);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? report.json() : report.text());
        out.flush();
        if (!report.ok()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("mta-lens: parity failed: " + report.firstFailure());
            err.flush();
            return 1;
        }
        return 0;
    }

    private Path fixturesFolder() {
        if (fixtures != null) {
            return fixtures;
        }
        String home = System.getProperty("mtalens.home");
        if (home == null) {
            throw new InvalidInputException("no fixtures folder: give --fixtures DIR (" + FIXTURES_IN_CHECKOUT + " of a checkout)");
        }
        return Path.of(home).resolve(FIXTURES_IN_CHECKOUT);
    }
}
