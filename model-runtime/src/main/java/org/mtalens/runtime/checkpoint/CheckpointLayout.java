package org.mtalens.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.RegularFiles;

/**
 * Where a checkpoint's weights and config are, found from what the user pointed at: the checkpoint
 * folder, its {@code consolidated/} folder, or the weights file itself.
 *
 * @param format  the layout
 * @param weights the weights file ({@code consolidated.pth} or {@code model.safetensors})
 * @param config  the config beside it ({@code params.json} or {@code config.json})
 */
public record CheckpointLayout(CheckpointFormat format, Path weights, Path config) {
    static final String EXPECTED = "expected consolidated/consolidated.pth with consolidated/params.json"
            + " (official layout) or model.safetensors with config.json";

    /** Finds the layout; when a folder holds both, the official one is taken. */
    public static CheckpointLayout locate(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidInputException(path + ": no such file or folder");
        }
        if (!Files.isDirectory(path)) {
            RegularFiles.require(path);
            return ofWeightsFile(path);
        }
        for (CheckpointFormat format : CheckpointFormat.values()) {
            CheckpointLayout layout = inFolder(path, format);
            if (layout != null) {
                return layout;
            }
        }
        throw new InvalidInputException(path + ": " + describeFolder(path) + "; " + EXPECTED);
    }

    /** @return the layout of this format in the folder (or its consolidated/), or null when absent */
    public static CheckpointLayout inFolder(Path folder, CheckpointFormat format) {
        if (format == CheckpointFormat.OFFICIAL_PTH) {
            for (Path dir : List.of(folder.resolve("consolidated"), folder)) {
                if (Files.isRegularFile(dir.resolve("consolidated.pth"))) {
                    return withConfig(format, dir.resolve("consolidated.pth"), dir.resolve("params.json"));
                }
            }
            return null;
        }
        Path weights = folder.resolve("model.safetensors");
        return Files.isRegularFile(weights) ? withConfig(format, weights, folder.resolve("config.json")) : null;
    }

    private static CheckpointLayout ofWeightsFile(Path file) {
        String name = file.getFileName().toString();
        Path dir = file.toAbsolutePath().getParent();
        if (name.endsWith(".pth") || name.endsWith(".pt")) {
            return withConfig(CheckpointFormat.OFFICIAL_PTH, file, dir.resolve("params.json"));
        }
        if (name.endsWith(".safetensors")) {
            return withConfig(CheckpointFormat.SAFETENSORS, file, dir.resolve("config.json"));
        }
        throw new InvalidInputException(file + ": not a checkpoint weights file (.pth or .safetensors); " + EXPECTED);
    }

    private static CheckpointLayout withConfig(CheckpointFormat format, Path weights, Path config) {
        if (!Files.isRegularFile(config)) {
            throw new InvalidInputException(weights + ": found the weights but no " + config.getFileName()
                    + " beside them (" + config + ")");
        }
        return new CheckpointLayout(format, weights, config);
    }

    private static String describeFolder(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            List<String> names = children.map(p -> p.getFileName().toString()).sorted().limit(11).collect(Collectors.toList());
            if (names.isEmpty()) {
                return "the folder is empty";
            }
            String shown = names.stream().limit(10).collect(Collectors.joining(", "));
            return "no checkpoint in this folder (it holds " + shown + (names.size() > 10 ? ", ..." : "") + ")";
        } catch (IOException e) {
            throw new InvalidInputException(folder + ": cannot list the folder: " + e.getMessage(), e);
        }
    }
}
