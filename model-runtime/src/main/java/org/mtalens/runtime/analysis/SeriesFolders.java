package org.mtalens.runtime.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mtalens.runtime.InvalidInputException;

/** Finds a series in a run folder: its sub-folders that hold a checkpoint, e.g. {@code train-toy --keep-every}'s. */
public final class SeriesFolders {
    private SeriesFolders() {
    }

    /**
     * @return the sub-folders of {@code run} holding {@code model.safetensors} or {@code consolidated/consolidated.pth},
     *         sorted by name (so {@code step-000200} comes before {@code step-001000})
     * @throws InvalidInputException naming {@code run} when it is unreadable or holds no such folder
     */
    public static List<Path> checkpointsIn(Path run) {
        try (Stream<Path> children = Files.list(run)) {
            List<Path> found = children.filter(SeriesFolders::holdsCheckpoint).sorted().toList();
            if (found.isEmpty()) {
                throw new InvalidInputException(run + ": no sub-folder holds a checkpoint (model.safetensors or "
                        + "consolidated/consolidated.pth); train-toy --keep-every N writes such a series");
            }
            return found;
        } catch (IOException e) {
            throw new InvalidInputException(run + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static boolean holdsCheckpoint(Path folder) {
        return Files.isRegularFile(folder.resolve("model.safetensors"))
                || Files.isRegularFile(folder.resolve("consolidated").resolve("consolidated.pth"));
    }
}
