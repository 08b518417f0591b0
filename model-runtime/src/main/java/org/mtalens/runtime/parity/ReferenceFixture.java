package org.mtalens.runtime.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.export.Npz;
import org.mtalens.runtime.export.NpyArray;

/**
 * One official reference fixture: a checkpoint folder that also holds the input ({@code tokens.txt}, comma-separated
 * ids) and what the official code computed on it ({@code maps.npz}; names in
 * {@code model-runtime/src/test/resources/official-mta/README.md}).
 *
 * @param name   the folder's name, e.g. {@code tiny}
 * @param folder the folder
 */
public record ReferenceFixture(String name, Path folder) {
    static final String MAPS = "maps.npz";
    static final String TOKENS = "tokens.txt";

    /**
     * @return {@code root} itself when it is a fixture, else its sub-folders that are, by name
     * @throws InvalidInputException naming {@code root} when it holds no fixture
     */
    public static List<ReferenceFixture> inFolder(Path root) {
        if (isFixture(root)) {
            return List.of(of(root));
        }
        List<ReferenceFixture> found;
        try (Stream<Path> children = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            found = children.filter(ReferenceFixture::isFixture).sorted().map(ReferenceFixture::of).toList();
        } catch (IOException e) {
            throw new InvalidInputException(root + ": cannot list the folder: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new InvalidInputException(root + ": no reference fixture here (a folder with " + MAPS + " and " + TOKENS + ")");
        }
        return found;
    }

    private static boolean isFixture(Path folder) {
        return Files.isRegularFile(folder.resolve(MAPS)) && Files.isRegularFile(folder.resolve(TOKENS));
    }

    private static ReferenceFixture of(Path folder) {
        return new ReferenceFixture(folder.getFileName().toString(), folder);
    }

    /** @return the input token ids of the reference run */
    public int[] tokens() {
        Path file = folder.resolve(TOKENS);
        String text;
        try {
            text = Files.readString(file).trim();
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return Stream.of(text.split(",")).map(String::trim).mapToInt(id -> {
            try {
                return Integer.parseInt(id);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(file + ": '" + id + "' is not a token id", e);
            }
        }).toArray();
    }

    /** @return what the official code computed, by array name (e.g. {@code logits}, {@code layer1/pre_sm_conv}) */
    public Map<String, NpyArray> reference() {
        try {
            return Npz.read(folder.resolve(MAPS));
        } catch (IOException e) {
            throw new UncheckedIOException(folder.resolve(MAPS) + ": cannot read", e);
        }
    }
}
