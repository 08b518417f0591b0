package org.mtalens.runtime.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.analysis.SeriesCheckpoints;
import picocli.CommandLine;

class KernelSeriesCommandTest {
    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new KernelSeriesCommand());
        cli.setOut(new PrintWriter(text));
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            throw e;
        });
        assertThat(cli.execute(args)).isZero();
        return text.toString();
    }

    private String[] series() throws IOException {
        return new String[] {SeriesCheckpoints.write(dir.resolve("step-000000"), 0).toString(),
                SeriesCheckpoints.write(dir.resolve("step-000500"), 1).toString()};
    }

    @Test
    void tableShowsOneRowPerHeadWithADistancePerCheckpointAndTheLastPattern() throws IOException {
        List<String> lines = run(series()).lines().toList();

        assertThat(lines.get(1)).contains("layer", "kind", "head", "step-000000", "step-000500", "pattern");
        assertThat(lines).hasSize(2 + 8);
        assertThat(lines.get(2)).matches("1\\s+mta_kernel\\s+0\\s+0\\.0000\\s+1\\.4142\\s+diagonal");
        assertThat(lines.get(3)).endsWith("edge");
        assertThat(lines.get(4)).endsWith("near_identity");
        assertThat(lines.get(5)).endsWith("other");
        assertThat(lines.get(6)).matches("1\\s+mta_kernel_after_sm\\s+0\\s+0\\.0000\\s+0\\.0000\\s+near_identity");
    }

    @Test
    void jsonHasDistancesPatternsAndKernelValuesPerCheckpoint() throws IOException {
        String[] paths = series();
        JsonNode json = new ObjectMapper().readTree(run(paths[0], paths[1], "--json"));

        assertThat(json.get("checkpoints").get(1).get("label").asText()).isEqualTo("step-000500");
        assertThat(json.get("checkpoints").get(1).get("path").asText()).isEqualTo(paths[1]);
        JsonNode edge = json.get("kernels").get(1);
        assertThat(edge.get("kind").asText()).isEqualTo("mta_kernel");
        assertThat(edge.get("head").asInt()).isEqualTo(1);
        assertThat(edge.get("patterns").toString()).isEqualTo("[\"near_identity\",\"edge\"]");
        assertThat(edge.get("pattern").asText()).isEqualTo("edge");
        assertThat(edge.get("distances").get(1).asDouble()).isCloseTo(1.0, within(1e-6)); // the -1 tap
        assertThat(edge.get("values").get(1).get(2).toString()).isEqualTo("[0.0,-1.0,1.0,0.0,0.0]");
    }

    @Test
    void aMissingCheckpointIsBadInputNamingIt() throws IOException {
        String[] paths = series();
        String missing = dir.resolve("step-000900").toString();

        Exception[] thrown = new Exception[1];
        CommandLine cli = new CommandLine(new KernelSeriesCommand());
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            thrown[0] = e;
            return 2;
        });

        assertThat(cli.execute(paths[0], missing)).isEqualTo(2);
        assertThat(thrown[0]).isInstanceOf(InvalidInputException.class).hasMessageContaining(missing);
    }
}
