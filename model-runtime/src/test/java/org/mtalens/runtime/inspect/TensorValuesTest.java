package org.mtalens.runtime.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.MappedFile;
import org.mtalens.runtime.checkpoint.Tensor;

/**
 * {@code inspect} walks every tensor's values: a checkpoint truncated while it is inspected is a message
 * naming the file, never the {@link InternalError} a read of the truncated mapping raises (14 of 20 runs
 * before: inspect read the mapping right after checking the file, and the truncation came in between).
 */
class TensorValuesTest {
    @TempDir
    Path dir;

    /** A mapped tensor whose file shrank after the check that let the read start (the stamp is the file as it is now). */
    private Tensor truncatedBehindItsCheck() throws IOException {
        Path shrinking = Files.write(dir.resolve("weights.bin"), new byte[1 << 16]);
        ByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(shrinking)) {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, 1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        }
        try (FileChannel channel = FileChannel.open(shrinking, StandardOpenOption.WRITE)) {
            channel.truncate(1000);
        }
        MappedFile stamp = new MappedFile(shrinking, 1000, Files.getLastModifiedTime(shrinking),
                Files.readAttributes(shrinking, BasicFileAttributes.class).fileKey(), 0);
        return new Tensor("layers.0.attention.wq.weight", new long[] {1 << 15}, DType.BF16, mapped, stamp);
    }

    /** Repeated so that the walk runs interpreted and, later, compiled (where HotSpot raises a mapping fault asynchronously). */
    @RepeatedTest(30)
    void aFileTruncatedWhileItIsInspectedIsAMessageNotAFault() throws IOException {
        Tensor tensor = truncatedBehindItsCheck();

        assertThatThrownBy(() -> TensorValues.l2Norm(tensor)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir.resolve("weights.bin") + ": the file now ends at 1000 bytes, inside tensor"
                        + " 'layers.0.attention.wq.weight'");
    }

    @Test
    void theNormOfValuesInMemoryIsTheSquareRootOfTheirSquares() {
        ByteBuffer bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(3).putFloat(4).flip();

        assertThat(TensorValues.l2Norm(new Tensor("w", new long[] {2}, DType.F32, bytes))).isEqualTo(5.0);
    }
}
