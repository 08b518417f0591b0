package org.mtalens.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.app.cli.MtaLensCommand;
import org.mtalens.app.testing.TestCheckpoints;
import picocli.CommandLine;

/** {@code run --set} and {@code --set-file} through the real entry point: bad edits are exit code 2 naming them. */
class EditCommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cli = MtaLensCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String tiny() {
        return TestCheckpoints.fixture("tiny").toString();
    }

    @Test
    void aKernelOfTheWrongShapeIsExitCodeTwoNamingTheKernelAndBothShapes() {
        assertThat(run("run", tiny(), "--tokens", "1,2,3", "--set", "L1.pre_sm_conv.head0=[[1,0],[0,1]]")).isEqualTo(2);
        assertThat(err.toString()).contains("L1.pre_sm_conv.head0").contains("expected a 3 x 5 array, got 2 x 2")
                .doesNotContain("Exception");
    }

    @Test
    void anUnknownWeightOrHeadIsExitCodeTwoNamingIt() {
        assertThat(run("run", tiny(), "--tokens", "1,2,3", "--set", "L1.pre_sm_conv.head7=[[1]]")).isEqualTo(2);
        assertThat(err.toString()).contains("L1.pre_sm_conv.head7").contains("head 7 is out of range 0..3");
        assertThat(run("run", tiny(), "--tokens", "1,2,3", "--set", "L1.conv.head0=[[1]]")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown weight 'conv'");
    }

    @Test
    void aBadEditsFileIsExitCodeTwoNamingTheFileAndTheEntry() throws Exception {
        Path file = Files.writeString(dir.resolve("edits.json"), "{\"L1.wpsm\": [[1, 0], [0, 1]]}");
        assertThat(run("run", tiny(), "--tokens", "1,2,3", "--set-file", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("edits.json").contains("'L1.wpsm'").contains("expected a 4 x 4 array");
    }

    @Test
    void aGoodEditRunsAndIsReported() {
        assertThat(run("run", tiny(), "--tokens", "1,2,3", "--set", "L1.wpsm=[[0,1,0,0],[1,0,0,0],[0,0,1,0],[0,0,0,1]]"))
                .isZero();
        assertThat(out.toString()).contains("edited:     L1.wpsm");
    }
}
