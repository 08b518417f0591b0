package org.mtalens.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.reliability.AllocatedBytes;

class SafetensorsReaderTest {
    private static final long SIXTEEN_MB = 16L << 20;

    @TempDir
    Path dir;

    /** A file with this header text (length prefix computed) followed by {@code dataBytes} zero bytes. */
    private Path file(String header, int dataBytes) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return Files.write(dir.resolve("model.safetensors"), b.array());
    }

    @Test
    void aHeaderLengthBeyondTheFileIsReportedWithoutReadingIt() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        Path file = Files.write(dir.resolve("model.safetensors"), b.array());

        assertThatThrownBy(() -> SafetensorsReader.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("header length 1099511627776 does not fit a file of 64 bytes");
        assertThat(AllocatedBytes.during(() -> SafetensorsReader.read(file))).isLessThan(SIXTEEN_MB);
    }

    @Test
    void aHeaderThatIsNotJsonIsReported() throws IOException {
        Path file = file("this is not json", 0);

        assertThatThrownBy(() -> SafetensorsReader.read(file)).hasMessageContaining("header is not JSON");
    }

    @Test
    void overlappingDataOffsetsNameBothTensors() throws IOException {
        Path file = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12);

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .hasMessageContaining("tensors 'a' and 'b' have overlapping data offsets");
    }

    @Test
    void dataOffsetsBeyondTheFileNameTheTensor() throws IOException {
        Path file = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8);

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .hasMessageContaining("tensor 'a' has data offsets [0, 16] outside the 8 data bytes");
    }

    @Test
    void aShapeThatDisagreesWithItsByteRangeIsReported() throws IOException {
        Path file = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8);

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .hasMessageContaining("tensor 'a'").hasMessageContaining("needs 12 bytes but its data offsets span 8");
    }

    @Test
    void aDeclaredTwoToTheFortyElementTensorFailsFastWithoutAllocatingIt() throws IOException {
        Path file = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1048576,1048576],\"data_offsets\":[0,8]}}", 8);

        assertThatThrownBy(() -> SafetensorsReader.read(file)).hasMessageContaining("needs 4398046511104 bytes");
        assertThat(AllocatedBytes.during(() -> SafetensorsReader.read(file))).isLessThan(SIXTEEN_MB);
    }

    @Test
    void anUnknownDtypeIsNamed() throws IOException {
        Path file = file("{\"a\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8);

        assertThatThrownBy(() -> SafetensorsReader.read(file)).hasMessageContaining("unsupported dtype 'I64'");
    }

    @Test
    void writtenTensorsReadBackBitForBit() throws IOException {
        Tensor a = new Tensor("a", new long[] {2, 2}, DType.F32, ByteBuffer.wrap(PickleBytes.floats(1, -2, 3.5f, 1e-8f)));
        Path file = dir.resolve("x.safetensors");
        SafetensorsWriter.write(file, java.util.Map.of("a", a));

        assertThat(SafetensorsReader.read(file).get("a").toFloatArray()).containsExactly(1, -2, 3.5f, 1e-8f);
    }
}
