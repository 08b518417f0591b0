package org.mtalens.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.FileSystemException;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.export.AtomicFiles;
import org.mtalens.runtime.export.ExportTarget;
import org.mtalens.runtime.export.NpyArray;
import org.mtalens.runtime.export.Npz;

/** An export that fails halfway leaves the old file as it was and no partial file beside it. */
class AtomicExportTest {
    @TempDir
    Path dir;

    private List<String> folderListing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Writes half its content, then fails like a full disk. */
    private static AtomicFiles.Content failingHalfway(Exception failure) {
        return out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (failure instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) failure;
        };
    }

    @Test
    void aWriteThatFailsHalfwayKeepsTheOldFileAndLeavesNoPartialFile() throws IOException {
        Path target = Files.writeString(dir.resolve("maps.npz"), "the old export");

        assertThatThrownBy(() -> AtomicFiles.write(target, failingHalfway(new IOException("No space left on device"))))
                .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");

        assertThat(target).hasContent("the old export");
        assertThat(folderListing()).containsExactly("maps.npz");
    }

    @Test
    void aWriteThatCrashesHalfwayKeepsTheOldFileAndLeavesNoPartialFile() throws IOException {
        Path target = Files.writeString(dir.resolve("maps.npz"), "the old export");

        assertThatThrownBy(() -> AtomicFiles.write(target, failingHalfway(new IllegalStateException("capture cancelled"))))
                .hasMessageContaining("capture cancelled");

        assertThat(target).hasContent("the old export");
        assertThat(folderListing()).containsExactly("maps.npz");
    }

    @Test
    void aFailedFirstWriteLeavesNoFileAtAll() throws IOException {
        Path target = dir.resolve("maps.npz");

        assertThatThrownBy(() -> AtomicFiles.write(target, failingHalfway(new IOException("disk full"))))
                .isInstanceOf(IOException.class);

        assertThat(folderListing()).isEmpty();
    }

    @Test
    void aFullDiskIsAMessageNamingTheFileAndTheOldFileStays() throws IOException {
        Path target = Files.writeString(dir.resolve("maps.npz"), "the old export");

        assertThatThrownBy(() -> ExportTarget.write(target, failingHalfway(new FileSystemException(
                dir.resolve(".maps.npz.x.partial").toString(), null, "No space left on device"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(target + ": cannot be written: No space left on device")
                .hasMessageContaining("an older file there is unchanged");

        assertThat(target).hasContent("the old export");
        assertThat(folderListing()).containsExactly("maps.npz");
    }

    @Test
    void aSuccessfulNpzExportReplacesTheOldFileWhole() throws IOException {
        Path target = Files.writeString(dir.resolve("maps.npz"), "the old export");

        Npz.write(target, List.of(NpyArray.ofFloats("logits", new float[] {1, 2, 3, 4}, new long[] {2, 2})));

        assertThat(Npz.read(target).get("logits").floats()).containsExactly(1, 2, 3, 4);
        assertThat(folderListing()).containsExactly("maps.npz");
    }
}
