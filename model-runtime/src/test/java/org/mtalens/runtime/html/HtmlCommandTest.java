package org.mtalens.runtime.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.testing.Fixtures;
import picocli.CommandLine;

class HtmlCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    /** Parses and calls the command directly, so its exceptions reach the test. */
    private int run(String... args) throws Exception {
        HtmlCommand command = new HtmlCommand();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.parseArgs(args);
        return command.call();
    }

    @Test
    void writesThePageOfTheChosenLayersAndSaysHowItWasPooled() throws Exception {
        Path page = dir.resolve("run.html");
        assertThat(run(Fixtures.folder("tiny").toString(), "--tokens", "3,17,5,29,0,11,8,23,14,2", "--layers", "1",
                "--max-cells", "4", "--out", page.toString())).isZero();

        PageData data = PageData.read(page);
        assertThat(data.layers).hasSize(1);
        assertThat(data.layer(1).get("maps").get(0).get("size").asInt()).isEqualTo(4); // 10 tokens in blocks of 3
        assertThat(out.toString()).contains(page.toString()).contains("1 layers, 28 maps of 10 tokens")
                .contains("pooled 3x3 to 4 x 4 cells");
    }

    @Test
    void aLayerTheModelDoesNotHaveIsBadInputAndWritesNothing() {
        Path page = dir.resolve("x.html");
        assertThatThrownBy(() -> run(Fixtures.folder("tiny").toString(), "--tokens", "1,2", "--layers", "0,7", "--out",
                page.toString())).isInstanceOf(InvalidInputException.class).hasMessageContaining("--layers 7").hasMessageContaining("layers 0..1");
        assertThat(page).doesNotExist();
    }

    @Test
    void aMaxCellsOutsideTheLimitsIsBadInput() {
        assertThatThrownBy(() -> run(Fixtures.folder("tiny").toString(), "--tokens", "1,2", "--max-cells", "1", "--out",
                dir.resolve("x.html").toString())).isInstanceOf(InvalidInputException.class).hasMessageContaining("--max-cells 1");
    }
}
