package org.mtalens.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled find-the-block checkpoints, as folders any part of MTA Lens can open
 * ({@code model.safetensors} + {@code config.json}, with {@code loss.csv} and {@code eval.json}).
 * From a jar they are extracted once per JVM to a temporary folder.
 */
public final class SampleCheckpoints {
    public static final String MTA = "findblock-mta";
    public static final String BASELINE = "findblock-baseline";
    private static final String ROOT = "/org/mtalens/samples/";
    private static final List<String> FILES = List.of(ToyCheckpointFiles.WEIGHTS, ToyCheckpointFiles.CONFIG,
            ToyCheckpointFiles.LOSS_LOG, ToyCheckpointFiles.EVALUATION);
    private static final Map<String, Path> FOLDERS = new ConcurrentHashMap<>();

    private SampleCheckpoints() {
    }

    /** @return the folder of the MTA model of the find-the-block task */
    public static Path findBlockMta() {
        return folder(MTA);
    }

    /** @return the folder of the baseline (plain attention) model of the same task */
    public static Path findBlockBaseline() {
        return folder(BASELINE);
    }

    /** @return the task a toy checkpoint folder was trained on (for making new instances) */
    public static FindBlockTask task(Path folder) {
        return ToyEvaluation.taskOf(folder.resolve(ToyCheckpointFiles.CONFIG));
    }

    /** @return a bundled checkpoint's folder by name ({@link #MTA} or {@link #BASELINE}) */
    public static Path folder(String name) {
        return FOLDERS.computeIfAbsent(name, SampleCheckpoints::locate);
    }

    private static Path locate(String name) {
        URL config = SampleCheckpoints.class.getResource(ROOT + name + "/" + ToyCheckpointFiles.CONFIG);
        if (config == null) {
            throw new IllegalStateException("the sample checkpoint '" + name + "' is not on the class path");
        }
        try {
            if ("file".equals(config.getProtocol())) {
                return Path.of(config.toURI()).getParent();
            }
            return extract(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the sample checkpoint '" + name + "'", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path extract(String name) throws IOException {
        Path folder = Files.createTempDirectory("mta-lens-" + name + "-");
        for (String file : FILES) {
            try (InputStream in = SampleCheckpoints.class.getResourceAsStream(ROOT + name + "/" + file)) {
                if (in != null) {
                    Files.copy(in, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            folder.resolve(file).toFile().deleteOnExit();
        }
        folder.toFile().deleteOnExit();
        return folder;
    }
}
