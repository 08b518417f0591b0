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

/** The device commands through the whole command line: `--device gpu` without a GPU, doctor, parity. */
class DeviceCommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = MtaLensCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
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
