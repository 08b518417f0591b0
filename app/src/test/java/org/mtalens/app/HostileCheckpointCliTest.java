package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtalens.app.cli.MtaLensCommand;
import org.mtalens.runtime.reliability.HostileCheckpoints;
import picocli.CommandLine;

/**
 * Every item of the hostile checkpoint corpus (model-runtime's reliability tests) given to {@code inspect}
 * and {@code run} exits with 2 and a message on stderr naming the file and the problem; no code runs.
 */
class HostileCheckpointCliTest {
    @TempDir
    static Path root;
    private static List<HostileCheckpoints.Item> corpus;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writeCorpus() {
        corpus = HostileCheckpoints.writeAll(root);
    }

    static List<HostileCheckpoints.Item> corpus() {
        return corpus;
    }

    @AfterAll
    static void noCodeFromAnyFileRan() {
        assertThat(HostileCheckpoints.marker(root)).doesNotExist();
    }

    private int run(String... args) {
        CommandLine cli = MtaLensCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void inspectExitsWithTwoNamingTheFileAndTheProblem(HostileCheckpoints.Item item) {
        assertThat(run("inspect", item.checkpoint().toString())).isEqualTo(MtaLensCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).startsWith("mta-lens: ").contains(item.namedFile().toString()).contains(item.problem())
                .doesNotContain("internal error");
        assertThat(HostileCheckpoints.marker(root)).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void runExitsWithTwoNamingTheFileAndTheProblem(HostileCheckpoints.Item item) {
        assertThat(run("run", item.checkpoint().toString(), "--tokens", "1,2")).isEqualTo(MtaLensCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).startsWith("mta-lens: ").contains(item.namedFile().toString()).contains(item.problem())
                .doesNotContain("internal error");
        assertThat(HostileCheckpoints.marker(root)).doesNotExist();
    }
}
