package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mtalens.app.cli.MtaLensCommand;
import org.mtalens.app.testing.TestCheckpoints;
import picocli.CommandLine;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = MtaLensCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheCommandsAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: mta-lens").contains("app");
    }

    @Test
    void versionNamesTheProduct() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("MTA Lens ");
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatNamesIt() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        assertThat(run("app", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: mta-lens app").contains("CHECKPOINT");
    }

    @Test
    void aCheckpointThatDoesNotExistIsBadInputWithItsPathOnStderr() {
        assertThat(run("run", "/no/such/checkpoint", "--tokens", "1,2")).isEqualTo(2);
        assertThat(err.toString()).startsWith("mta-lens: ").contains("/no/such/checkpoint");
    }

    @Test
    void helpListsEveryCommandOfEveryModule() {
        run("--help");
        assertThat(out.toString()).contains("inspect").contains("run").contains("bench")
                .as("the corpus module's commands, which bin/mta-lens starts apart").contains("bin/mta-lens corpus");
    }

    @Test
    void kernelsPrintsADistanceColumnPerCheckpoint() {
        String tiny = TestCheckpoints.fixture("tiny").toString();

        assertThat(run("kernels", tiny, tiny)).isZero();
        assertThat(out.toString()).contains("pattern").contains("mta_kernel_after_sm");
    }

    @Test
    void kernelsOfCheckpointsOfDifferentShapesAreBadInputNamingTheOddOne() {
        String tiny = TestCheckpoints.fixture("tiny").toString();
        String other = TestCheckpoints.fixture("tiny-plain-gqa").toString();

        assertThat(run("kernels", tiny, other)).isEqualTo(2);
        assertThat(err.toString()).startsWith("mta-lens: ").contains(other).contains("not the same run");
    }

    @Test
    void aGpuRequestOnAMachineWithoutAnNvidiaDriverIsExit2NamingTheMissingDriverWithoutAStackTrace() {
        assumeFalse(Files.exists(Path.of("/proc/driver/nvidia/version")), "this machine has an NVIDIA driver");

        assertThat(run("run", TestCheckpoints.fixture("tiny").toString(), "--tokens", "1,2", "--device", "gpu")).isEqualTo(2);

        assertThat(err.toString()).startsWith("mta-lens: --device gpu: no GPU can be used: ").contains("no NVIDIA driver")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void doctorIsACommandThatSaysWhetherAGpuWouldBeUsed() {
        assertThat(run("doctor")).isZero();

        assertThat(out.toString()).contains("\ngpu:\n  would_use: ").contains("\nlibtorch:\n");
    }

    @Test
    void parityIsACommandThatPassesOnTheCpu() {
        assertThat(run("parity", "--device", "cpu", "--fixtures", TestCheckpoints.fixture("tiny").getParent().toString())).isZero();

        assertThat(out.toString()).contains("tiny-plain-gqa").endsWith("all within tolerance\n");
    }
}
