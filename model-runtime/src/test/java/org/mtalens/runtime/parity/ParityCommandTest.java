package org.mtalens.runtime.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.export.Npz;
import org.mtalens.runtime.export.NpyArray;
import org.mtalens.runtime.testing.Fixtures;
import picocli.CommandLine;

class ParityCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Parses and calls the command directly, so its exceptions reach the test. */
    private int parity(String... args) throws Exception {
        ParityCommand command = new ParityCommand();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.parseArgs(args);
        return command.call();
    }

    @Test
    void everyFixtureMatchesTheOfficialCodeOnTheCpuArrayByArray() throws Exception {
        assertThat(parity("--device", "cpu", "--fixtures", Fixtures.root().toString(), "--json")).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("tolerance").asDouble()).isEqualTo(1e-4);
        assertThat(json.get("failed")).isEmpty();
        List<String> names = new ArrayList<>();
        json.get("fixtures").forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(Fixtures.NAMES);
        for (JsonNode fixture : json.get("fixtures")) {
            String name = fixture.get("name").asText();
            long floatArrays = Fixtures.reference(name).values().stream().filter(a -> !a.isInteger()).count();
            assertThat(fixture.get("arrays")).as(name).hasSize((int) floatArrays);
            fixture.get("arrays").forEach(a -> assertThat(a.get("max_abs_diff").asDouble()).as(name + " " + a.get("name"))
                    .isBetween(0.0, 1e-4));
        }
    }

    @Test
    void aTamperedFixtureFailsWithExit1NamingTheFixtureTheStageAndTheCell() throws Exception {
        Path copy = copyOfTiny();
        Map<String, NpyArray> maps = Npz.read(copy.resolve("maps.npz"));
        NpyArray conv = maps.get("layer1/post_sm_conv"); // [H, T, T]
        long t = conv.shape()[1];
        float[] values = conv.floats().clone();
        values[(int) (1 * t * t + 5 * t + 3)] += 0.01f; // head 1, query 5, key 3
        maps.put(conv.name(), NpyArray.ofFloats(conv.name(), values, conv.shape()));
        Npz.write(copy.resolve("maps.npz"), List.copyOf(maps.values()));

        assertThat(parity("--device", "cpu", "--tolerance", "1e-3", "--fixtures", copy.toString(), "--json")).isEqualTo(1);

        assertThat(err.toString()).startsWith("mta-lens: parity failed: tiny: layer1/post_sm_conv differs by 0.0100 at [1, 5, 3]");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("failed")).hasSize(1);
        assertThat(json.get("failed").get(0).asText()).isEqualTo("tiny layer1/post_sm_conv");
    }

    @Test
    void aFolderWithoutFixturesIsBadInputNamingIt() {
        assertThatThrownBy(() -> parity("--device", "cpu", "--fixtures", dir.toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(dir.toString()).hasMessageContaining("maps.npz");
    }

    private Path copyOfTiny() throws IOException {
        Path source = Fixtures.folder("tiny");
        Path target = dir.resolve("tiny");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Files.copy(p, target.resolve(source.relativize(p).toString()));
            }
        }
        return target;
    }
}
