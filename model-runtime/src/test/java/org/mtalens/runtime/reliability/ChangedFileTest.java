package org.mtalens.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.MappedFile;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.RunRequest;

/**
 * A checkpoint file truncated, rewritten or deleted after it was opened: tensors are memory-mapped, and
 * reading a mapping past a truncated file's end faults. Each mapped tensor checks its file before it is
 * read (and turns a fault during the read into a message), so the user gets a message naming the file
 * and the JVM goes on.
 */
class ChangedFileTest {
    private static final String WQ = "layers.1.attention.wq.weight";

    @TempDir
    Path dir;

    private Path copyOfTiny(boolean official) throws IOException {
        if (official) {
            Path consolidated = Files.createDirectories(dir.resolve("consolidated"));
            Files.write(consolidated.resolve("consolidated.pth"), HostileCheckpoints.resource("consolidated/consolidated.pth"));
            Files.write(consolidated.resolve("params.json"), HostileCheckpoints.resource("consolidated/params.json"));
            return consolidated.resolve("consolidated.pth");
        }
        Files.write(dir.resolve("config.json"), HostileCheckpoints.resource("config.json"));
        return Files.write(dir.resolve("model.safetensors"), HostileCheckpoints.resource("model.safetensors"));
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    @Test
    void aSafetensorsFileTruncatedAfterLoadingIsNamedWhenItsWeightsGoToTheDevice() throws IOException {
        Path weights = copyOfTiny(false);
        Checkpoint checkpoint = CheckpointLoader.load(dir);
        truncate(weights, 100);

        assertThatThrownBy(() -> ModelRunner.load(checkpoint, Device.cpu()).close())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(weights.toString())
                .hasMessageContaining("truncated from " + HostileCheckpoints.resource("model.safetensors").length + " to 100 bytes")
                .hasMessageContaining("open the checkpoint again");
    }

    @Test
    void aTorchZipTruncatedAfterLoadingIsNamedWhenATensorIsWidened() throws IOException {
        Path weights = copyOfTiny(true);
        Checkpoint checkpoint = CheckpointLoader.load(dir);
        truncate(weights, 1000);

        assertThatThrownBy(() -> checkpoint.tensor(WQ).toFloatArray())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(weights.toString()).hasMessageContaining("'" + WQ + "'")
                .hasMessageContaining("truncated");
    }

    @Test
    void theJvmKeepsWorkingAfterATruncatedFileWasRefused() throws IOException {
        Path weights = copyOfTiny(false);
        Checkpoint stale = CheckpointLoader.load(dir);
        truncate(weights, 100);
        assertThatThrownBy(() -> ModelRunner.load(stale, Device.cpu()).close()).isInstanceOf(InvalidInputException.class);

        Files.write(weights, HostileCheckpoints.resource("model.safetensors"));
        try (ModelRunner runner = ModelRunner.load(CheckpointLoader.load(dir), Device.cpu())) {
            assertThat(runner.run(RunRequest.of(1, 2, 3)).logits()).hasSize(3 * 32);
        }
    }

    @Test
    void aFileRewrittenInPlaceAfterLoadingIsReportedAsChanged() throws IOException {
        Path weights = copyOfTiny(false);
        Checkpoint checkpoint = CheckpointLoader.load(dir);
        FileTime before = Files.getLastModifiedTime(weights);
        try (FileChannel channel = FileChannel.open(weights, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(64), channel.size() - 64);
        }
        Files.setLastModifiedTime(weights, FileTime.fromMillis(before.toMillis() + 5_000));

        assertThatThrownBy(() -> checkpoint.tensor(WQ).toFloatArray())
                .hasMessageContaining(weights.toString()).hasMessageContaining("changed on disk after it was opened");
    }

    @Test
    void aFileDeletedAfterLoadingStillGivesTheValuesThatWereLoaded() throws IOException {
        Path weights = copyOfTiny(false);
        Checkpoint checkpoint = CheckpointLoader.load(dir);
        float[] before = checkpoint.tensor(WQ).toFloatArray();
        Files.delete(weights);

        assertThat(checkpoint.tensor(WQ).toFloatArray()).containsExactly(before);
    }

    /** Repeated so that the read runs interpreted and, later, compiled (where HotSpot raises a mapping fault asynchronously). */
    @RepeatedTest(30)
    void aFileTruncatedBetweenTheCheckAndTheReadIsAMessageNotAFault() throws IOException {
        Path shrinking = Files.write(dir.resolve("shrinking.bin"), new byte[1 << 16]);
        ByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(shrinking)) {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, 1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        }
        truncate(shrinking, 1000);
        // a stamp of the file as it is now stands for a check that passed just before the file shrank
        MappedFile stamp = new MappedFile(shrinking, 1000, Files.getLastModifiedTime(shrinking),
                Files.readAttributes(shrinking, BasicFileAttributes.class).fileKey(), 0);
        Tensor tensor = new Tensor("w", new long[] {1 << 14}, DType.F32, mapped, stamp);

        assertThatThrownBy(tensor::toFloatArray).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(shrinking + ": the file now ends at 1000 bytes, inside tensor 'w'")
                .hasMessageContaining("truncated after it was opened");
        assertThat(new Tensor("v", new long[] {2}, DType.F32, ByteBuffer.allocate(8)).toFloatArray()).containsExactly(0, 0);
    }
}
