package org.mtalens.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ForwardBenchmarkCommandTest {
    @Test
    void jsonHasTheFieldsScriptsReadAndTheyAgreeWithEachOther() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ForwardBenchmarkCommand());
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("--T", "8", "--repeats", "1", "--device", "cpu", "--json")).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("T").asInt()).isEqualTo(8);
        for (String field : new String[] {"tokens_per_s", "gflops", "matmul_peak_gflops", "mta_layer_ms", "plain_layer_ms"}) {
            assertThat(json.get(field).asDouble()).as(field).isPositive();
        }
        double forwardSeconds = json.get("forward_ms").asDouble() / 1e3;
        assertThat(json.get("tokens_per_s").asDouble()).isCloseTo(8 / forwardSeconds, within(1e-6 * 8 / forwardSeconds));
        assertThat(json.get("device").asText()).isEqualTo("cpu()");
        assertThat(json.get("stage_ms").has("pre_sm_conv")).isTrue();
    }
}
