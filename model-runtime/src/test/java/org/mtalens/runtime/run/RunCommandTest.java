package org.mtalens.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.export.ExportProvenance;
import org.mtalens.runtime.export.Npz;
import org.mtalens.runtime.export.NpyArray;
import org.mtalens.runtime.testing.Fixtures;
import picocli.CommandLine;

class RunCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String... args) throws Exception {
        return RunCall.run(out, args);
    }

    private static String ids(String fixture) {
        return Arrays.stream(Fixtures.tokens(fixture)).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    @Test
    void exportWritesTheFixtureNamesAndShapesAndMatchesTheOfficialMaps() throws Exception {
        Path npz = dir.resolve("maps.npz");
        assertThat(run(Fixtures.folder("tiny").resolve("consolidated").toString(), "--tokens", ids("tiny"),
                "--export", npz.toString(), "--device", "cpu")).isZero();
        Map<String, NpyArray> written = Npz.read(npz);
        Map<String, NpyArray> reference = Fixtures.reference("tiny");
        assertThat(written.get("tokens").longs()).containsExactly(reference.get("tokens").longs());
        assertThat(written.keySet().stream().filter(name -> !reference.containsKey(name))).containsExactly("heads");
        for (String name : written.keySet().stream().filter(reference::containsKey).toList()) {
            NpyArray expected = reference.get(name);
            assertThat(written.get(name).shape()).as(name).containsExactly(expected.shape());
            if (!expected.isInteger()) {
                float[] a = written.get(name).floats();
                for (int i = 0; i < a.length; i++) {
                    assertThat(a[i]).as("%s[%d]", name, i).isCloseTo(expected.floats()[i], within(1e-4f));
                }
            }
        }
        assertThat(written.keySet()).contains("logits", "layer1/pre_sm_conv", "layer1/post_sm_head_conv", "layer0/final");
        assertThat(Files.list(dir)).as("no temporary file left behind").containsExactly(npz);
    }

    @Test
    void selectionsLimitTheExportedLayersStagesAndHeads() throws Exception {
        Path npz = dir.resolve("one.npz");
        run(Fixtures.folder("tiny").toString(), "--tokens", "3,17,5,29", "--layers", "1", "--stages", "post_sm_conv,final",
                "--heads", "0,2", "--export", npz.toString());
        Map<String, NpyArray> written = Npz.read(npz);
        assertThat(written.keySet()).containsExactly("tokens", "logits", "layer1/post_sm_conv", "layer1/final", "heads");
        assertThat(written.get("layer1/final").shape()).containsExactly(2, 4, 4);
        assertThat(written.get("heads").longs()).containsExactly(0, 2);
    }

    @Test
    void logitsLastExportsOnlyTheLastPositionsRowEqualToItsRowInTheFullExport() throws Exception {
        Path all = dir.resolve("all.npz");
        Path last = dir.resolve("last.npz");
        String checkpoint = Fixtures.folder("tiny").toString();
        run(checkpoint, "--tokens", ids("tiny"), "--layers", "0", "--stages", "final", "--export", all.toString());
        run(checkpoint, "--tokens", ids("tiny"), "--layers", "0", "--stages", "final", "--logits", "last",
                "--export", last.toString());
        NpyArray full = Npz.read(all).get("logits");
        NpyArray one = Npz.read(last).get("logits");
        int t = (int) full.shape()[0];
        int vocab = (int) full.shape()[1];
        assertThat(one.shape()).containsExactly(1, vocab);
        assertThat(Npz.read(last).get("logit_positions").longs()).containsExactly(t - 1);
        float[] expected = java.util.Arrays.copyOfRange(full.floats(), (t - 1) * vocab, t * vocab);
        for (int v = 0; v < vocab; v++) {
            assertThat(one.floats()[v]).isCloseTo(expected[v], org.assertj.core.data.Offset.offset(1e-5f));
        }
        assertThat(Npz.read(last).get("layer0/final").floats()).containsExactly(Npz.read(all).get("layer0/final").floats());
    }

    @Test
    void jsonNamesTheDeviceTokensAndTopPredictionsMostLikelyFirst() throws Exception {
        run(Fixtures.folder("tiny-linear-heads").toString(), "--tokens", "1,2,3", "--json", "--top", "3");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("device").asText()).isEqualTo("cpu");
        assertThat(json.get("tokens")).hasSize(3);
        JsonNode top = json.get("top_predictions");
        assertThat(top).hasSize(3);
        assertThat(top.get(0).get("probability").asDouble()).isGreaterThanOrEqualTo(top.get(1).get("probability").asDouble());
    }

    @Test
    void generationAppendsTheRequestedNumberOfTokens() throws Exception {
        run(Fixtures.folder("tiny").toString(), "--tokens", "3,17,5", "--generate", "4", "--json");
        assertThat(new ObjectMapper().readTree(out.toString()).get("generated")).hasSize(4);
    }

    @Test
    void badTokensAndUnknownStagesAreNamed() {
        String folder = Fixtures.folder("tiny").toString();
        assertThatThrownBy(() -> run(folder, "--tokens", "3,x,5")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the token at position 1 ('x')");
        assertThatThrownBy(() -> run(folder, "--tokens", "3,32")).hasMessageContaining("the token at position 1 (32)");
        assertThatThrownBy(() -> run(folder, "--tokens", "3", "--stages", "softmx", "--export", dir.resolve("x.npz").toString()))
                .hasMessageContaining("softmx");
        assertThatThrownBy(() -> run(folder, "--tokens", "3", "--layers", "7", "--export", dir.resolve("x.npz").toString()))
                .hasMessageContaining("--layers 7: the model has layers 0..1");
    }

    @Test
    void textIsEncodedWithTheCheckpointsTokenizerAndLabelledWithIt() throws Exception {
        // the tiny fixture names lingua's byte tokenizer; its ids 0-255 are bytes, but the model's vocabulary is 32
        assertThatThrownBy(() -> run(Fixtures.folder("tiny").toString(), "--text", "hi")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outside the vocabulary");
        run(Fixtures.folder("tiny").toString(), "--text", "\u0001\u0002", "--no-bos", "--json");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("tokens")).hasSize(2);
        assertThat(json.get("tokenizer").asText()).contains("bytes");
    }

    @Test
    void ablateSkipsTheSwitchedOffStageInTheExportAndChangesTheLogits() throws Exception {
        Path intact = dir.resolve("intact.npz");
        Path ablated = dir.resolve("ablated.npz");
        String checkpoint = Fixtures.folder("tiny").toString();
        run(checkpoint, "--tokens", ids("tiny"), "--export", intact.toString());
        out.getBuffer().setLength(0);
        run(checkpoint, "--tokens", ids("tiny"), "--export", ablated.toString(), "--json",
                "--ablate", "L1.pre_sm_conv, L1.head0.post_sm_conv");
        Map<String, NpyArray> before = Npz.read(intact);
        Map<String, NpyArray> after = Npz.read(ablated);
        assertThat(before).containsKey("layer1/pre_sm_conv");
        assertThat(after).doesNotContainKey("layer1/pre_sm_conv").containsKey("layer1/post_sm_conv");
        assertThat(after.get("layer0/final").floats()).containsExactly(before.get("layer0/final").floats());
        assertThat(after.get("logits").floats()).isNotEqualTo(before.get("logits").floats());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("ablation").asText()).isEqualTo("L1.pre_sm_conv,L1.head0.post_sm_conv");
    }

    @Test
    void aBadAblateItemIsNamedAndTheHelpDocumentsTheSyntax() {
        assertThatThrownBy(() -> run(Fixtures.folder("tiny").toString(), "--tokens", "1,2", "--ablate", "L0.pre_sm_conv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'L0.pre_sm_conv'")
                .hasMessageContaining("layer 0 has no pre_sm_conv");
        String help = new CommandLine(new RunCommand()).getUsageMessage();
        assertThat(help).contains("--ablate=LIST", "L<layer>.head<h>.pre_sm_conv", "group_norm", "L3.head2.post_sm_conv");
    }

    @Test
    void anIdentityKernelSetOnTheCommandLineExportsWhatAblatingThatKernelExports() throws Exception {
        Path edited = dir.resolve("edited.npz");
        Path ablated = dir.resolve("ablated.npz");
        String checkpoint = Fixtures.folder("tiny").toString();
        run(checkpoint, "--tokens", ids("tiny"), "--export", ablated.toString(), "--ablate", "L1.head0.pre_sm_conv");
        out.getBuffer().setLength(0);
        run(checkpoint, "--tokens", ids("tiny"), "--export", edited.toString(), "--json",
                "--set", "L1.pre_sm_conv.head0=[[0,0,0,0,0],[0,0,0,0,0],[0,0,1,0,0]]");
        Map<String, NpyArray> expected = Npz.read(ablated);
        Map<String, NpyArray> written = Npz.read(edited);
        assertThat(written.keySet()).isEqualTo(expected.keySet());
        for (String name : expected.keySet()) {
            NpyArray array = expected.get(name);
            if (array.isInteger()) {
                assertThat(written.get(name).longs()).as(name).containsExactly(array.longs());
            } else {
                assertThat(written.get(name).floats()).as(name).containsExactly(array.floats());
            }
        }
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("edits").get(0).asText()).isEqualTo("L1.pre_sm_conv.head0");
        JsonNode meta = new ObjectMapper().readTree(Npz.readFile(edited, ExportProvenance.META_JSON, 1 << 20));
        assertThat(meta.get("edits").get("L1.pre_sm_conv.head0").get(2).get(2).asDouble()).isEqualTo(1.0);
    }

    @Test
    void aSetFileIsReadAndASetOfTheSameNameWins() throws Exception {
        String checkpoint = Fixtures.folder("tiny").toString();
        Path file = Files.writeString(dir.resolve("edits.json"),
                "{\"L0.head_kernel.group0\": [[0,1],[1,0]], \"L1.wpsm\": [[9,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1]]}");
        run(checkpoint, "--tokens", ids("tiny"), "--set-file", file.toString(), "--json",
                "--set", "L1.wpsm=[[1,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1]]");
        JsonNode fromBoth = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        run(checkpoint, "--tokens", ids("tiny"), "--json", "--set", "L0.head_kernel.group0=[[0,1],[1,0]]",
                "--set", "L1.wpsm=[[1,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1]]");
        JsonNode fromSets = new ObjectMapper().readTree(out.toString());
        assertThat(fromBoth.get("edits").toString()).isEqualTo("[\"L0.head_kernel.group0\",\"L1.wpsm\"]");
        assertThat(fromBoth.get("top_predictions")).isEqualTo(fromSets.get("top_predictions"));
    }

    @Test
    void aBadSetIsNamedWithItsProblemAndTheHelpDocumentsTheNames() {
        String checkpoint = Fixtures.folder("tiny").toString();
        assertThatThrownBy(() -> run(checkpoint, "--tokens", "1,2", "--set", "L1.pre_sm_conv.head0=[[1,0],[0,1]]"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("L1.pre_sm_conv.head0")
                .hasMessageContaining("expected a 3 x 5 array, got 2 x 2");
        assertThatThrownBy(() -> run(checkpoint, "--tokens", "1,2", "--set", "L0.pre_sm_conv.head0=[[1]]"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("layer 0 has no pre_sm_conv");
        String help = new CommandLine(new RunCommand()).getUsageMessage();
        assertThat(help).contains("--set=NAME=ARRAY", "--set-file=FILE.json", "L<layer>.head_kernel.group<g>");
    }
}
