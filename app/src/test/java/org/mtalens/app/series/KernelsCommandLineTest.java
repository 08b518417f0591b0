package org.mtalens.app.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.mtalens.app.cli.MtaLensCommand;
import org.mtalens.app.testing.TestCheckpoints;
import picocli.CommandLine;

class KernelsCommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = MtaLensCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void kernelsPrintsADistanceColumnPerCheckpoint() {
        String tiny = TestCheckpoints.fixture("tiny").toString();

        assertThat(run("kernels", tiny, tiny)).isZero();
        assertThat(out.toString()).contains("pattern").contains("mta_kernel_after_sm");
    }

    @Test
    void checkpointsOfDifferentShapesAreBadInputNamingTheOddOne() {
        String tiny = TestCheckpoints.fixture("tiny").toString();
        String other = TestCheckpoints.fixture("tiny-plain-gqa").toString();

        assertThat(run("kernels", tiny, other)).isEqualTo(2);
        assertThat(err.toString()).startsWith("mta-lens: ").contains(other).contains("not the same run");
    }
}
