package org.mtalens.runtime.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.RunRequest;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.runtime.run.ModelInput;

/** The web page of a run of the official {@code tiny} fixture (2 layers, 4 heads, 24 tokens): what it holds. */
class HtmlPageTest {
    private static TinyRun tiny;
    private static Checkpoint checkpoint;
    private static ModelRunner runner;
    private static ModelInput input;
    private static RunResult full;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() {
        tiny = TinyRun.open();
        checkpoint = tiny.checkpoint();
        runner = tiny.runner();
        input = tiny.input();
        full = tiny.full();
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    private Path page(List<Integer> layers, int maxCells) throws Exception {
        return tiny.page(dir.resolve("run.html"), layers, maxCells);
    }

    @Test
    void isOneFileThatLoadsNothing() throws Exception {
        String html = Files.readString(page(List.of(0, 1), 256));

        assertThat(html).doesNotContainPattern(Pattern.compile("https?://"));
        assertThat(html).doesNotContainPattern(Pattern.compile("\\b(src|href)\\s*="));
        assertThat(html).doesNotContainPattern(Pattern.compile("url\\(|@import|<link|<iframe|<img"));
        assertThat(html).as("the browser is told to load nothing").contains("default-src 'none'");
        assertThat(html).contains("<canvas id=\"map\">").contains("window.mtaLensHoverValue");
    }

    @Test
    void holdsTheRuntimesMapsOfEveryStageAndHeadOfTheChosenLayersOnly() throws Exception {
        PageData page = PageData.read(page(List.of(1), 256));

        assertThat(page.layers).hasSize(1);
        List<String> stages = new ArrayList<>();
        page.header.get("layers").get(0).get("stages").forEach(s -> stages.add(s.asText()));
        assertThat(stages).isEqualTo(checkpoint.config().layerPlan(1).stages().stream().map(Stage::id).toList());
        assertThat(page.layer(1).get("maps")).hasSize(stages.size() * 4);
        for (AttentionMap expected : full.maps()) {
            if (expected.layer() == 1) {
                JsonNode map = page.map(1, expected.stage().id(), expected.head());
                assertThat(map.get("factor").asInt()).isEqualTo(1);
                assertThat(PageData.floats(map)).as("%s head %d", expected.stage(), expected.head())
                        .containsExactly(expected.values());
            }
        }
        assertThat(page.header.get("tokens")).hasSize(24);
    }

    @Test
    void poolsLongMapsToTheValueOfLargestMagnitudeOfEachBlock() throws Exception {
        PageData page = PageData.read(page(List.of(0, 1), 5)); // 24 tokens, blocks of 5: 5 x 5 cells

        for (AttentionMap expected : full.maps()) {
            JsonNode map = page.map(expected.layer(), expected.stage().id(), expected.head());
            assertThat(map.get("factor").asInt()).isEqualTo(5);
            assertThat(map.get("size").asInt()).isEqualTo(5);
            assertThat(PageData.floats(map)).containsExactly(PageData.largestMagnitudePerBlock(expected, 5));
        }
    }

    @Test
    void showsEachHeadsKernelsAndTheLayersHeadMixingAsTheCheckpointHasThem() throws Exception {
        JsonNode layer = PageData.read(page(List.of(1), 256)).layer(1);
        float[] preKernels = checkpoint.tensor("layers.1.attention.mta_kernel").toFloatArray(); // [H, 1, 3, 5]
        float[] wpsm = checkpoint.tensor("layers.1.attention.wpsm.weight").toFloatArray(); // [dst, src]
        float[] headKernel = checkpoint.tensor("layers.1.attention.head_kernel").toFloatArray(); // [G=2, src, dst]

        List<JsonNode> pre = matrices(layer, "pre_sm_conv");
        assertThat(pre).hasSize(4);
        JsonNode head2 = pre.get(2);
        assertThat(head2.get("head").asInt()).isEqualTo(2);
        assertThat(PageData.floats(head2)).containsExactly(Arrays.copyOfRange(preKernels, 30, 45));
        assertThat(head2.get("rows").toString()).isEqualTo("[\"-2\",\"-1\",\"0\"]");
        assertThat(head2.get("columns").toString()).isEqualTo("[\"-2\",\"-1\",\"0\",\"+1\",\"+2\"]");
        assertThat(head2.get("marked").toString()).as("the identity tap: current query, current key").isEqualTo("[2,2]");
        assertThat(matrices(layer, "post_sm_conv")).hasSize(4);

        assertThat(PageData.floats(matrices(layer, "pre_sm_head_mix").get(0))).containsExactly(wpsm);

        float[] grouped = PageData.floats(matrices(layer, "post_sm_head_conv").get(0)); // [to head, from head]
        assertThat(grouped[1 * 4 + 0]).as("to head 1 from head 0 = HK[0, 0, 1]").isEqualTo(headKernel[1]);
        assertThat(grouped[2 * 4 + 3]).as("to head 2 from head 3 = HK[1, 1, 0]").isEqualTo(headKernel[6]);
        assertThat(grouped[0 * 4 + 2]).as("heads of different groups do not mix").isNaN();
    }

    private static List<JsonNode> matrices(JsonNode layer, String stage) {
        List<JsonNode> found = new ArrayList<>();
        layer.get("matrices").forEach(m -> {
            if (m.get("stage").asText().equals(stage)) {
                found.add(m);
            }
        });
        return found;
    }

    @Test
    void theWriterPutsEachLayerOutAsItArrivesAndRefusesWhatIsNotThePages() throws Exception {
        StringWriter out = new StringWriter();
        PageHeader header = PageHeader.of(checkpoint, input, "cpu()", List.of(0, 1), 256);
        HtmlPageWriter writer = new HtmlPageWriter(out, header, checkpoint);

        writer.layer(1, oneLayer(1));
        assertThat(PageData.of(out.toString()).layers).as("layer 1 is written before layer 0 was even run").hasSize(1);
        assertThatThrownBy(() -> writer.layer(0, oneLayer(1))).hasMessageContaining("does not belong to layer 0");
        assertThatThrownBy(writer::finish).hasMessageContaining("layer 0");

        writer.layer(0, oneLayer(0));
        writer.finish();
        assertThat(PageData.of(out.toString()).layers).hasSize(2);
        assertThat(out.toString()).endsWith("</html>\n");
    }

    private static List<AttentionMap> oneLayer(int layer) {
        return runner.run(new RunRequest(input.ids(), CaptureSelection.of(java.util.Set.of(layer), null, null), false)).maps();
    }

    @Test
    void aTokenLabelCannotEndTheDataAndComesBackAsItWas() throws Exception {
        List<String> labels = new ArrayList<>(input.labels());
        labels.set(3, "</script><script>alert(1)</script>");
        PageHeader header = new PageHeader("tiny", "x", "cpu()", input.ids(), labels, 4,
                List.of(checkpoint.config().layerPlan(0)), 256);
        StringWriter out = new StringWriter();
        HtmlPageWriter writer = new HtmlPageWriter(out, header, checkpoint);
        writer.layer(0, oneLayer(0));
        writer.finish();

        assertThat(out.toString()).doesNotContain("<script>alert");
        assertThat(PageData.of(out.toString()).header.get("tokens").get(3).asText()).isEqualTo(labels.get(3));
    }

    @Test
    void reportsProgressPerLayerAndLeavesNoFileWhenCancelled() throws Exception {
        List<Double> progress = new ArrayList<>();
        HtmlExport.write(runner, input, List.of(0, 1), 256, dir.resolve("a.html"), () -> false, progress::add);
        assertThat(progress).containsExactly(0.5, 1.0);

        Path cancelled = dir.resolve("cancelled.html");
        assertThatThrownBy(() -> HtmlExport.write(runner, input, List.of(0, 1), 256, cancelled, () -> true, share -> { }))
                .isInstanceOf(CancellationException.class);
        assertThat(cancelled).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.html");
        }
    }
}
