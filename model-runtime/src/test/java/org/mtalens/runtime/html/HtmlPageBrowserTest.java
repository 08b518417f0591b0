package org.mtalens.runtime.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.RunRequest;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.runtime.run.ModelInput;
import org.mtalens.runtime.testing.Fixtures;

/**
 * The web page of the official {@code tiny} fixture opened in headless Chromium: the value it shows on hover is the
 * runtime's, and it draws. Needs Chromium (see {@link Chromium}); README's test section says so.
 */
class HtmlPageBrowserTest {
    private static final Pattern HOVER = Pattern.compile("<p id=\"hover\"[^>]*\\bdata-value=\"([^\"]*)\"");

    private static ModelRunner runner;
    private static ModelInput input;
    private static RunResult full;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() {
        runner = ModelRunner.load(CheckpointLoader.load(Fixtures.folder("tiny")), Device.cpu());
        int[] ids = Fixtures.tokens("tiny");
        input = ModelInput.ofIds(String.join(",", Arrays.stream(ids).mapToObj(Integer::toString).toList()), 32, Optional.empty());
        full = runner.run(RunRequest.of(ids));
    }

    @AfterAll
    static void close() {
        runner.close();
    }

    @Test
    void theHoveredValueIsTheRuntimesWithinDisplayPrecision() throws Exception {
        Chromium chromium = Chromium.require(dir);
        Path page = dir.resolve("run.html");
        HtmlExport.write(runner, input, List.of(0, 1), 256, page, () -> false, share -> { });

        String dom = chromium.dumpDom(page, "hover=1,pre_sm_conv,2,17,9");

        assertThat(dom).contains("data-ready=\"true\"").doesNotContain("data-error");
        float expected = full.map(1, Stage.PRE_SM_CONV, 2).orElseThrow().value(17, 9);
        assertThat(shownValue(dom)).isCloseTo(expected, within(displayPrecision(expected)));
    }

    @Test
    void aPooledCellShowsTheLargestMagnitudeOfItsBlock() throws Exception {
        Chromium chromium = Chromium.require(dir);
        Path page = dir.resolve("pooled.html");
        HtmlExport.write(runner, input, List.of(1), 5, page, () -> false, share -> { }); // blocks of 5 x 5 tokens

        String dom = chromium.dumpDom(page, "hover=1,post_sm_conv,1,17,9");

        AttentionMap map = full.map(1, Stage.POST_SM_CONV, 1).orElseThrow();
        float expected = 0;
        for (int q = 15; q < 20; q++) { // the block of query 17, key 9: queries 15-19, keys 5-9
            for (int k = 5; k < 10; k++) {
                expected = Math.abs(map.value(q, k)) > Math.abs(expected) ? map.value(q, k) : expected;
            }
        }
        assertThat(dom).contains("largest |value| of these 5 × 5 pairs");
        assertThat(shownValue(dom)).isCloseTo(expected, within(displayPrecision(expected)));
    }

    @Test
    void drawsTheMapsInAScreenshot() throws Exception {
        Chromium chromium = Chromium.require(dir);
        Path page = dir.resolve("run.html");
        HtmlExport.write(runner, input, List.of(0, 1), 256, page, () -> false, share -> { });
        Path png = Path.of(System.getProperty("mtalens.test.outputDir", "target"), "snapshots", "html-page.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);

        chromium.screenshot(page, "hover=1,pre_sm_conv,2,17,9", png, 1400, 1000);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        assertThat(image.getHeight()).isEqualTo(1000);
        Set<Integer> colours = new HashSet<>();
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                int r = rgb >> 16 & 255, g = rgb >> 8 & 255, b = rgb & 255;
                coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 ? 1 : 0;
            }
        }
        assertThat(colours.size()).as("distinct colours: maps, colour bar, kernels, text").isGreaterThan(1000);
        assertThat((double) coloured / (1400 * 1000)).as("share of coloured pixels: the maps were drawn").isGreaterThan(0.02);
    }

    private static double shownValue(String dom) {
        Matcher m = HOVER.matcher(dom);
        assertThat(m.find()).as("the page shows a hovered value").isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** Half a unit in the 4th significant digit the page shows. */
    private static double displayPrecision(float value) {
        assertThat(value).as("a cell with a value to compare").isNotZero();
        return 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 3) * 1.0001;
    }
}
