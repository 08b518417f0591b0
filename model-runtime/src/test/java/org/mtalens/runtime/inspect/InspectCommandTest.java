package org.mtalens.runtime.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import picocli.CommandLine;

class InspectCommandTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(InspectCommandTest.class.getResource("/official-mta/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new InspectCommand());
        cli.setOut(new PrintWriter(text));
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            throw e;
        });
        assertThat(cli.execute(args)).isZero();
        return text.toString();
    }

    @Test
    void jsonListsFormatConfigParametersTotalAndLayers() throws IOException {
        JsonNode json = new ObjectMapper().readTree(run(fixture("tiny").toString(), "--json"));
        JsonNode header = headerOf(fixture("tiny").resolve("model.safetensors"));

        assertThat(json.get("format").asText()).isEqualTo("official_pth");
        assertThat(json.get("config").get("dim").asInt()).isEqualTo(64);
        assertThat(json.get("config").get("mta").get("mta_layers").get(0).asInt()).isEqualTo(1);
        assertThat(json.get("parameters")).hasSize(header.size());
        long expectedTotal = 0;
        for (JsonNode row : json.get("parameters")) {
            JsonNode declared = header.get(row.get("name").asText());
            assertThat(row.get("shape")).isEqualTo(declared.get("shape"));
            assertThat(row.get("dtype").asText()).isEqualTo("F32");
            long count = 1;
            for (JsonNode d : declared.get("shape")) {
                count *= d.asLong();
            }
            assertThat(row.get("count").asLong()).isEqualTo(count);
            expectedTotal += count;
        }
        assertThat(json.get("total_parameters").asLong()).isEqualTo(expectedTotal);
        assertThat(json.get("layers").get(1).get("stages").toString())
                .isEqualTo("[\"scores\",\"pre_sm_conv\",\"pre_sm_head_mix\",\"softmax\",\"post_sm_conv\","
                        + "\"post_sm_head_conv\",\"final\"]");
    }

    @Test
    void textOutputShowsTablesAndTheStagePlan() {
        String text = run(fixture("tiny-plain-gqa").resolve("model.safetensors").toString());

        assertThat(text).contains("Format      safetensors");
        assertThat(text).containsPattern("name +shape +dtype +count +l2 norm");
        assertThat(text).containsPattern("layers\\.0\\.attention\\.wk\\.weight +\\[32, 64\\] +F32 +2,048");
        assertThat(text).contains("layer 0   scores > softmax > final");
        assertThat(text).contains("layer 1   scores > pre_sm_conv > softmax > final");
        assertThat(text).containsPattern("layers\\.1\\.attention\\.mta_kernel +[0-9.]+ +[0-9.]+");
    }

    @Test
    void aBrokenCheckpointPropagatesAsInvalidInput() {
        Exception[] thrown = new Exception[1];
        CommandLine cli = new CommandLine(new InspectCommand());
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            thrown[0] = e;
            return 2;
        });

        assertThat(cli.execute(dir.toString())).isEqualTo(2);
        assertThat(thrown[0]).isInstanceOf(InvalidInputException.class).hasMessageContaining("the folder is empty");
    }

    private static JsonNode headerOf(Path safetensors) throws IOException {
        byte[] all = java.nio.file.Files.readAllBytes(safetensors);
        long length = java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        JsonNode header = new ObjectMapper().readTree(new String(all, 8, (int) length,
                java.nio.charset.StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        header.fieldNames().forEachRemaining(names::add);
        ((com.fasterxml.jackson.databind.node.ObjectNode) header).remove("__metadata__");
        return header;
    }
}
