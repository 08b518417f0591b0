package org.mtalens.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The app image {@code mvn package} built: started through its own launcher, headless, as a user without a JDK
 * would start it. Runs in {@code mvn verify} (failsafe), after the image is built.
 */
class AppImageIT {
    private static final Path IMAGE = Path.of(System.getProperty("mtalens.appImage", "target/jpackage/image/mta-lens"));
    private static final Path OUTPUT = Path.of(System.getProperty("mtalens.test.outputDir", "target"), "app-image-it");

    @Test
    void startsHeadlessOnTheBundledSampleWithItsOwnLibtorchAndWritesAPictureOfTheWindow() throws Exception {
        Path png = OUTPUT.resolve("window.png");
        Files.deleteIfExists(png);
        // An empty DJL cache: libtorch must come out of the image's own jar (nothing may be downloaded).
        Path djlCache = OUTPUT.resolve("djl-cache");
        Folders.delete(djlCache);
        Launch launch;
        try {
            launch = Launch.of(IMAGE, Map.of("DJL_CACHE_DIR", djlCache.toString(), "ENGINE_CACHE_DIR", djlCache.toString()),
                    "snapshot", "--out", png.toString(), "--width", "1200", "--height", "800");
        } finally {
            Folders.delete(djlCache); // ~400 MB of unpacked libtorch
        }

        assertThat(launch.exitCode()).as(launch.output()).isZero();
        BufferedImage window = ImageIO.read(png.toFile());
        assertThat(window.getWidth()).isEqualTo(1200);
        assertThat(window.getHeight()).isEqualTo(800);
        WindowPicture picture = WindowPicture.of(window);
        assertThat(picture.distinctColours()).as("distinct colours: a window with maps, labels and colour bars")
                .isGreaterThan(1000);
        assertThat(picture.saturatedShare()).as("share of coloured pixels: the maps were drawn").isGreaterThan(0.01);
    }

    @Test
    void acceptsTheCommandsOfBinMtaLensWithTheirExitCodes() throws Exception {
        Launch version = Launch.of(IMAGE, Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).startsWith("MTA Lens 0.");

        Launch badInput = Launch.of(IMAGE, Map.of(), "inspect", "/no/such/checkpoint");
        assertThat(badInput.exitCode()).isEqualTo(2);
        assertThat(badInput.output()).contains("/no/such/checkpoint");
    }

    @Test
    void passesTheJvmOptionsOfBinMtaLens() throws Exception {
        String binMtaLens = Files.readString(Path.of(System.getProperty("mtalens.repositoryRoot", "..")).resolve("bin/mta-lens"));
        Matcher exec = Pattern.compile("(?m)^exec java (.*)$").matcher(binMtaLens);
        assertThat(exec.find()).as("bin/mta-lens starts with `exec java ...`").isTrue();
        List<String> options = Pattern.compile("-(XX:\\S+|Dai\\.djl\\.\\S+)").matcher(exec.group(1)).results()
                .map(m -> m.group()).toList();
        assertThat(options).contains("-Dai.djl.offline=true").anyMatch(o -> o.startsWith("-XX:MaxRAMPercentage="));

        String launcherConfig = Files.readString(IMAGE.resolve("lib/app/mta-lens.cfg"));
        for (String option : options) {
            assertThat(launcherConfig).contains("java-options=" + option);
        }
    }

    @Test
    void carriesAJava17RuntimeWithTheJavaCommandTheTokenizerCheckStarts() throws Exception {
        assertThat(Files.readString(IMAGE.resolve("lib/runtime/release"))).contains("JAVA_VERSION=\"17");
        assertThat(IMAGE.resolve("lib/runtime/bin/java")).isExecutable();
    }

    /** Share and variety of colours in a screenshot of the window. */
    private record WindowPicture(int distinctColours, double saturatedShare) {
        static WindowPicture of(BufferedImage image) {
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            long saturated = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    int r = rgb >> 16 & 255;
                    int g = rgb >> 8 & 255;
                    int b = rgb & 255;
                    saturated += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 ? 1 : 0;
                }
            }
            return new WindowPicture(colours.size(), (double) saturated / ((long) image.getWidth() * image.getHeight()));
        }
    }
}
