package org.mtalens.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.mtalens.app.cli.MtaLensCommand;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.ModelConfig;
import picocli.CommandLine;

/** {@code bench scale} on a small checkpoint: the figures a user reads, and the device it is told to use. */
class ScaleBenchmarkCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = MtaLensCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void reportsEveryFigureAndHoldsTheWholeFirstMtaLayerOfASmallModel() throws Exception {
        String tiny = TestCheckpoints.fixture("tiny").toString();
        assertThat(run("bench", "scale", "--checkpoint", tiny, "--T", "20", "--device", "cpu", "--json")).isZero();

        JsonNode figures = new ObjectMapper().readTree(out.toString());
        for (String figure : new String[] {"weights_mb", "open_s", "rss_after_open_mb", "forward_s", "forward_cpu_s",
                "first_view_s", "layer_switch_s", "head_switch_ms", "grid_s", "peak_rss_mb"}) {
            assertThat(figures.has(figure)).as(figure).isTrue();
        }
        ModelConfig config = CheckpointLoader.load(TestCheckpoints.fixture("tiny")).config();
        int firstMta = config.layerPlans().stream().filter(p -> p.hasKeyQueryConv()).findFirst().orElseThrow().layer();
        assertThat(figures.get("T").asInt()).isEqualTo(20);
        assertThat(figures.get("device").asText()).isEqualTo("cpu");
        assertThat(figures.get("scope").asText()).isEqualTo("every head");
        assertThat(figures.get("maps_held").asInt())
                .isEqualTo(config.layerPlan(firstMta).stages().size() * config.nHeads());
        assertThat(figures.get("peak_rss_mb").asLong()).isGreaterThanOrEqualTo(figures.get("rss_after_open_mb").asLong());
    }

    @Test
    void aDeviceThatCannotBeUsedIsExitTwoBeforeAnythingIsWritten() {
        assertThat(run("bench", "scale", "--device", "tpu")).isEqualTo(2);
        assertThat(err.toString()).contains("device 'tpu' is not cpu, gpu or auto");
    }
}
