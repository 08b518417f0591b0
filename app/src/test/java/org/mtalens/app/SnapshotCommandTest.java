package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
    void aLayerTheModelDoesNotHaveIsBadInput() {
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny").toString(), "--layer", "9", "--out",
                dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--layer 9");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }
}
