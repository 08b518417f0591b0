package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.app.cli.MtaLensCommand;
import org.mtalens.app.testing.TestCheckpoints;
import picocli.CommandLine;

class SnapshotCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = MtaLensCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void writesAPngOfTheWindowAtTheRequestedSize() throws Exception {
        Path png = dir.resolve("pipeline.png");
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny-linear-heads").toString(), "--tokens", "1,2,3,4,5,6",
                "--layer", "1", "--head", "2", "--stage", "post_sm_head_mix", "--out", png.toString(),
                "--width", "1200", "--height", "800")).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(800);
    }

    @Test
    void aStageTheShownLayerDoesNotRunIsBadInputNamingItsStages() {
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny").toString(), "--layer", "0", "--stage", "post_sm_conv",
                "--out", dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--stage post_sm_conv: layer 0 does not run it; its stages are scores,")
                .contains("(post_sm_conv runs in layer 1)");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void aGridOfAStageNoLayerRunsIsBadInput() {
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny-plain-gqa").toString(), "--grid", "post_sm_conv",
                "--out", dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--grid post_sm_conv: no layer of this model runs it");
    }

    @Test
    void anUnknownStageNamesTheStages() {
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny").toString(), "--stage", "foo",
                "--out", dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--stage foo: unknown stage 'foo'; stages are scores,");
    }

    @Test
    void tokensBeyondMaxSeqlenAreOneMessageAndRunOnlyWithAllowLonger() {
        String tokens = IntStream.range(0, 65).mapToObj(i -> String.valueOf(i % 32)).collect(Collectors.joining(","));
        Path png = dir.resolve("long.png");

        assertThat(run("snapshot", TestCheckpoints.fixture("tiny").toString(), "--tokens", tokens, "--out", png.toString()))
                .isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("mta-lens: the input has 65 tokens, more than max_seqlen 64"
                + " (--allow-longer runs it anyway)");
        err.getBuffer().setLength(0);

        assertThat(run("snapshot", TestCheckpoints.fixture("tiny").toString(), "--tokens", tokens, "--allow-longer",
                "--out", png.toString(), "--width", "400", "--height", "300")).isZero();
        assertThat(err.toString()).contains("mta-lens: warning: the run reaches position 64, beyond max_seqlen 64");
        assertThat(png).isRegularFile();
    }

    @Test
    void aCheckpointThatFailsToOpenIsBadInputAndLeavesNoWindowOpen() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.copy(TestCheckpoints.fixture("tiny").resolve("config.json"), broken.resolve("config.json"));
        Files.write(broken.resolve("model.safetensors"), new byte[] {1, 2, 3});

        assertThat(run("snapshot", broken.toString(), "--out", dir.resolve("x.png").toString())).isEqualTo(2);

        assertThat(err.toString()).contains(broken.resolve("model.safetensors").toString());
        CompletableFuture<Integer> open = new CompletableFuture<>();
        Platform.runLater(() -> open.complete(Window.getWindows().size()));
        assertThat(open.get(10, TimeUnit.SECONDS)).as("windows still open (they would paint while the JVM exits)").isZero();
    }

    @Test
    void anOutputOntoAFolderIsBadInput() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out.png"));
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny").toString(), "--out", folder.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(folder + ": is a folder");
    }

    @Test
    void aLayerTheModelDoesNotHaveIsBadInput() {
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny").toString(), "--layer", "9", "--out",
                dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--layer 9");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }
}
