package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtalens.app.cli.MtaLensCommand;
import org.mtalens.app.testing.TestCheckpoints;
import picocli.CommandLine;

/** {@code snapshot --tab/--cell/--ablate/--zoom} and the description it writes beside the PNG. */
class SnapshotTabsTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = MtaLensCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String tiny() {
        return TestCheckpoints.fixture("tiny").toString();
    }

    private static JsonNode description(Path png) throws Exception {
        String name = png.getFileName().toString().replace(".png", ".json");
        return new ObjectMapper().readTree(png.resolveSibling(name).toFile());
    }

    private static JsonNode map(JsonNode description, String view) {
        for (JsonNode m : description.get("maps")) {
            if (view.equals(m.path("view").asText())) {
                return m;
            }
        }
        throw new AssertionError("no map " + view + " in " + description.get("maps"));
    }

    @Test
    void theDescriptionSaysEachMapsScaleAndAZoomedFinalMapShowsNegativeWeightsOnADivergingScale() throws Exception {
        Path png = dir.resolve("final.png");
        assertThat(run("snapshot", tiny(), "--layer", "0", "--head", "0", "--stage", "final", "--cell", "20,3",
                "--zoom", "8", "--out", png.toString(), "--width", "1280", "--height", "720")).isZero();
        JsonNode d = description(png);
        assertThat(d.get("tab").asText()).isEqualTo("pipeline");
        assertThat(d.get("layer").asInt()).isZero();
        assertThat(d.get("cell").toString()).isEqualTo("[20,3]");
        assertThat(d.get("tokens")).hasSize(d.get("token_labels").size());
        JsonNode last = map(d, "map-final");
        assertThat(last.get("stage").asText()).isEqualTo("final");
        assertThat(last.get("head").asInt()).isZero();
        assertThat(last.get("scale").asText()).isEqualTo("diverging");
        assertThat(last.get("data_min").asDouble()).isCloseTo(-0.683, within(5e-4));
        assertThat(last.get("colour_range").get(0).asDouble()).isLessThanOrEqualTo(last.get("data_min").asDouble());
        assertThat(last.get("clipped_below").asLong() + last.get("clipped_above").asLong()).isZero();
        assertThat(last.get("pixels_per_cell").asDouble()).isGreaterThan(4 * map(d, "map-scores").get("pixels_per_cell").asDouble());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
    }

    @Test
    void theGridsThumbnailsAreDescribedWithOneSharedRange() throws Exception {
        Path png = dir.resolve("grid.png");
        assertThat(run("snapshot", tiny(), "--tab", "grid", "--out", png.toString())).isZero();
        JsonNode d = description(png);
        assertThat(d.get("tab").asText()).isEqualTo("grid");
        List<JsonNode> thumbs = new ArrayList<>();
        d.get("maps").forEach(m -> {
            if (m.get("view").asText().startsWith("thumb-")) {
                thumbs.add(m);
            }
        });
        assertThat(thumbs).hasSize(8);
        Set<String> ranges = new HashSet<>();
        thumbs.forEach(t -> ranges.add(t.get("colour_range").toString()));
        assertThat(ranges).hasSize(1);
        assertThat(thumbs.get(0).get("shared_by").asText()).isEqualTo("all maps of the grid");
        assertThat(thumbs.get(0).get("stage").asText()).isEqualTo("final");
    }

    @Test
    void ablatingAPartShowsTheIntactAndAblatedMapsAndTheirDifference() throws Exception {
        Path png = dir.resolve("ablation.png");
        assertThat(run("snapshot", tiny(), "--ablate", "L1.head0.pre_sm_conv", "--stage", "pre_sm_conv",
                "--out", png.toString())).isZero();
        JsonNode d = description(png);
        assertThat(d.get("tab").asText()).isEqualTo("ablation");
        JsonNode intact = map(d, "ablation-intact");
        JsonNode ablated = map(d, "ablation-ablated");
        assertThat(map(d, "ablation-difference").get("scale").asText()).isEqualTo("diverging");
        assertThat(intact.get("stage").asText()).isEqualTo("pre_sm_conv");
        // the two runs share one range so their colours compare
        assertThat(ablated.get("colour_range")).isEqualTo(intact.get("colour_range"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"before-after", "compare", "change", "checkpoint"})
    void everyTabCanBeCaptured(String tab) throws Exception {
        Path png = dir.resolve(tab + ".png");
        assertThat(run("snapshot", tiny(), "--tab", tab, "--out", png.toString(), "--width", "1280", "--height", "720"))
                .as(err.toString()).isZero();
        assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(720);
        assertThat(description(png).get("tab").asText()).isEqualTo(tab);
    }

    @Test
    void badTabsCellsAndInputsAreBadInputNamingTheOption() {
        assertThat(run("snapshot", tiny(), "--tab", "maps", "--out", dir.resolve("a.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--tab maps: give one of pipeline, before-after, grid, compare, ablation,"
                + " change, checkpoint");
        assertThat(run("snapshot", tiny(), "--cell", "3,5", "--out", dir.resolve("b.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--cell 3,5: give QUERY,KEY with 0 <= KEY <= QUERY");
        assertThat(run("snapshot", tiny(), "--cell", "99,1", "--out", dir.resolve("c.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--cell 99,1: query 99 is beyond the input's");
        assertThat(run("snapshot", tiny(), "--text", "abc", "--tokens", "1,2", "--out", dir.resolve("d.png").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("give --tokens or --text, not both");
        assertThat(run("snapshot", tiny(), "--text", "abc", "--out", dir.resolve("e.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("outside the vocabulary");
        assertThat(dir.resolve("a.png")).doesNotExist();
        assertThat(dir.resolve("c.png")).doesNotExist();
    }
}
