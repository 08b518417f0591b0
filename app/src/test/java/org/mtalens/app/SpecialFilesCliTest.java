package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.app.cli.MtaLensCommand;
import org.mtalens.app.testing.TestCheckpoints;
import picocli.CommandLine;

/**
 * A FIFO (named pipe) or a device where a file should be: opening a FIFO blocks until someone writes to it
 * (forever), so every command refuses it by what it is, before opening it. The timeout only guards the test
 * run against that hang; nothing here measures speed.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpecialFilesCliTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private Path fifo;

    @BeforeEach
    void makeFifo() throws IOException, InterruptedException {
        fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
    }

    private int run(String... args) {
        CommandLine cli = MtaLensCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aFifoAsTheTrainingConfigIsRefusedNotWaitedOn() {
        assertThat(run("train-toy", "--config", fifo.toString(), "--out", dir.resolve("run").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(fifo + ": is a FIFO (named pipe), not a regular file");
    }

    @Test
    void aFifoAsTheTokenizerIsRefusedNotWaitedOn() {
        assertThat(run("run", TestCheckpoints.fixture("tiny").toString(), "--text", "hi", "--tokenizer", fifo.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains(fifo + ": is a FIFO (named pipe), not a regular file");
    }

    @Test
    void aDeviceAsTheTokenizerIsNamedAsADevice() {
        assertThat(run("run", TestCheckpoints.fixture("tiny").toString(), "--text", "hi", "--tokenizer", "/dev/zero"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("/dev/zero: is a character device, not a regular file");
    }

    @Test
    void aFifoAsTheExportIsNotReplaced() {
        assertThat(run("run", TestCheckpoints.fixture("tiny").toString(), "--tokens", "1,2", "--export", fifo.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains(fifo + ": is not a regular file");
        assertThat(fifo).exists();
    }
}
