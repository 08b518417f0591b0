package org.mtalens.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.checkpoint.PickleBytes;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.testing.Fixtures;

/**
 * {@code torch.save(obj, "run:3..pth")} names the archive's folder {@code run:3.} (the file name up to its last
 * '.'): whatever folder name torch derives from a file name loads, and only entries that leave the folder are
 * refused.
 */
class TorchArchiveFolderTest {
    @TempDir
    Path dir;

    /** The tiny fixture re-zipped with its folder renamed (torch's own entries, bytes and CRCs). */
    private Path tinyWithFolder(String folder) throws IOException {
        Path consolidated = Files.createDirectories(dir.resolve("consolidated"));
        Files.write(consolidated.resolve("params.json"), HostileCheckpoints.resource("consolidated/params.json"));
        Path original = Files.write(dir.resolve("original.pth"), HostileCheckpoints.resource("consolidated/consolidated.pth"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(original.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String inside = entry.getName().substring(entry.getName().indexOf('/') + 1);
                entries.put(folder + "/" + inside, zip.getInputStream(entry).readAllBytes());
            }
        }
        return PickleBytes.zip(consolidated.resolve("consolidated.pth"), entries);
    }

    private static Checkpoint tiny() throws IOException {
        return CheckpointLoader.load(Fixtures.folder("tiny"));
    }

    @ParameterizedTest(name = "folder ''{0}''")
    @ValueSource(strings = {"run:3.", "..", ".", "a..b", "ckpt v2 (final)", "C:", "epoch=3-step=100.ckpt"})
    void aFolderNamedAsTorchNamesItAfterAFileLoadsWithTheSameWeights(String folder) throws IOException {
        tinyWithFolder(folder);

        Checkpoint renamed = CheckpointLoader.load(dir);

        Checkpoint original = tiny();
        assertThat(renamed.tensors().keySet()).containsExactlyElementsOf(original.tensors().keySet());
        for (Tensor t : original.tensors().values()) {
            assertThat(renamed.tensor(t.name()).toFloatArray()).as(t.name()).containsExactly(t.toFloatArray());
        }
    }

    /** Re-zips {@code pth} with one entry renamed. */
    private static void renameEntry(Path pth, String endingWith, String newName) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(pth.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                entries.put(entry.getName().endsWith(endingWith) ? newName : entry.getName(),
                        zip.getInputStream(entry).readAllBytes());
            }
        }
        PickleBytes.zip(pth, entries);
    }

    @Test
    void anEntryOutsideTheFirstEntrysFolderIsRefused() throws IOException {
        Path pth = tinyWithFolder("run:3.");
        renameEntry(pth, "/data/1", "other/data/1");

        assertThatThrownBy(() -> CheckpointLoader.load(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(pth.toString())
                .hasMessageContaining("zip entry 'other/data/1' lies outside the archive's folder 'run:3./'");
    }

    @Test
    void anEntryClimbingOutOfTheFolderIsRefusedWhateverTheFolderIsNamed() throws IOException {
        Path pth = tinyWithFolder("..");
        renameEntry(pth, "/version", "../../etc/version");

        assertThatThrownBy(() -> CheckpointLoader.load(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("zip entry '../../etc/version' has a path that escapes the archive");
    }
}
