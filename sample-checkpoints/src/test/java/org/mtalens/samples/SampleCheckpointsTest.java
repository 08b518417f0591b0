package org.mtalens.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import picocli.CommandLine;

class SampleCheckpointsTest {
    private static Path bundled(String name) {
        return name.equals(SampleCheckpoints.MTA) ? SampleCheckpoints.findBlockMta() : SampleCheckpoints.findBlockBaseline();
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleCheckpoints.MTA, SampleCheckpoints.BASELINE})
    void bundledCheckpointLoadsWithTheCharTokenizerAndItsTask(String name) throws Exception {
        Path folder = bundled(name);
        Checkpoint checkpoint = CheckpointLoader.load(folder);
        assertThat(checkpoint.config().tokenizer().name()).isEqualTo("char");
        assertThat(checkpoint.config().mta().useMta()).isEqualTo(name.equals(SampleCheckpoints.MTA));
        assertThat(checkpoint.warnings()).isEmpty();
        assertThat(SampleCheckpoints.task(folder).blockLength()).isPositive();
        assertThat(Files.size(folder.resolve("model.safetensors"))).isLessThan(10L << 20);
        assertThat(Files.readAllLines(folder.resolve("loss.csv")).size()).isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleCheckpoints.MTA, SampleCheckpoints.BASELINE})
    void evalToyOn200InstancesReproducesTheRecordedErrorRate(String name) {
        Path folder = bundled(name);
        JsonNode recorded = ToyCheckpointFiles.readJson(folder.resolve("eval.json"));
        double expected = recorded.get("error_rate").asDouble();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new EvalToyCommand()).setOut(new PrintWriter(out));
        int code = cli.execute(folder.toString(), "--instances", "200", "--seed", "7", "--json");
        assertThat(code).isZero();
        JsonNode measured = ToyCheckpointFiles.readJson(out.toString());
        assertThat(measured.get("instances").asInt()).isEqualTo(200);
        assertThat(measured.get("task")).isEqualTo(recorded.get("task"));
        double noise = Math.sqrt(Math.max(expected * (1 - expected), 0.01) / 200);
        assertThat(measured.get("error_rate").asDouble()).isBetween(expected - 4 * noise, expected + 4 * noise);
    }

    @Test
    void mtaModelMakesFewerErrorsThanTheBaselineAsRecorded() {
        double mta = ToyCheckpointFiles.readJson(SampleCheckpoints.findBlockMta().resolve("eval.json")).get("error_rate").asDouble();
        double baseline = ToyCheckpointFiles.readJson(SampleCheckpoints.findBlockBaseline().resolve("eval.json"))
                .get("error_rate").asDouble();
        assertThat(mta).isLessThan(baseline);
    }

    @Test
    void newInstancesFitTheBundledModel() {
        FindBlockTask task = SampleCheckpoints.task(SampleCheckpoints.findBlockMta());
        FindBlockInstance instance = new FindBlockGenerator(task, 1).next();
        int max = CheckpointLoader.load(SampleCheckpoints.findBlockMta()).config().maxSeqlen();
        assertThat(instance.tokens().length).isLessThanOrEqualTo(max);
    }

    @Test
    void evalToyOnAFolderWithoutATaskSaysSo(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("no-task");
        Files.createDirectories(copy);
        Path source = SampleCheckpoints.findBlockBaseline();
        Files.copy(source.resolve("model.safetensors"), copy.resolve("model.safetensors"));
        JsonNode config = ToyCheckpointFiles.readJson(source.resolve("config.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) config).remove("task");
        ToyCheckpointFiles.writeJson(copy.resolve("config.json"), config);
        assertThatThrownBy(() -> ToyEvaluation.evaluate(copy, 10, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no 'task'");
    }
}
