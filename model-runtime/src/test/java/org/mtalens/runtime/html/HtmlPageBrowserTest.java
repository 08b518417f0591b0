package org.mtalens.runtime.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;

/**
 * The web page of the official {@code tiny} fixture opened in headless Chromium: the value it shows on hover is the
 * runtime's, and it draws. Needs Chromium (see {@link Chromium}); README's test section says so.
 */
class HtmlPageBrowserTest {
    private static final Pattern HOVER = Pattern.compile("<p id=\"hover\"[^>]*\\bdata-value=\"([^\"]*)\"");

    private static TinyRun tiny;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() {
        tiny = TinyRun.open();
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    @Test
    void theHoveredValueIsTheRuntimesWithinDisplayPrecision() throws Exception {
        Chromium chromium = Chromium.require(dir);
        Path page = tiny.page(dir.resolve("run.html"), List.of(0, 1), 256);

        String dom = chromium.dumpDom(page, "hover=1,pre_sm_conv,2,17,9");

        assertThat(dom).contains("data-ready=\"true\"").doesNotContain("data-error");
        float expected = tiny.full().map(1, Stage.PRE_SM_CONV, 2).orElseThrow().value(17, 9);
        assertThat(shownValue(dom)).isCloseTo(expected, within(displayPrecision(expected)));
    }

    @Test
    void aPooledCellShowsTheLargestMagnitudeOfItsBlock() throws Exception {
        Chromium chromium = Chromium.require(dir);
        Path page = tiny.page(dir.resolve("pooled.html"), List.of(1), 5); // blocks of 5 x 5 tokens

        String dom = chromium.dumpDom(page, "hover=1,post_sm_conv,1,17,9");

        AttentionMap map = tiny.full().map(1, Stage.POST_SM_CONV, 1).orElseThrow();
        float expected = PageData.largestMagnitudePerBlock(map, 5)[3 * 5 + 1]; // query 17, key 9: block row 3, column 1
        assertThat(dom).contains("largest |value| of these 5 × 5 pairs");
        assertThat(shownValue(dom)).isCloseTo(expected, within(displayPrecision(expected)));
    }

    @Test
    void drawsTheMapsInAScreenshot() throws Exception {
        Chromium chromium = Chromium.require(dir);
        Path page = tiny.page(dir.resolve("run.html"), List.of(0, 1), 256);
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
