package org.mtalens.runtime.checkpoint;

import org.mtalens.runtime.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.reliability.AllocatedBytes;

class PthReaderTest {
    private static final long SIXTEEN_MB = 16L << 20;

    @TempDir
    Path dir;

    private Path archive(byte[] pickle, Map<String, byte[]> storages) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pickle);
        storages.forEach((key, bytes) -> entries.put("archive/data/" + key, bytes));
        return PickleBytes.zip(dir.resolve("consolidated.pth"), entries);
    }

    @Test
    void aBareStateDictWithoutTheModelWrapperIsRead() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).emptyDict()
                .unicode("w").tensor("FloatStorage", "0", 6, 2, new long[] {2, 2}, new long[] {2, 1}).setItem()
                .stop().toBytes();
        Path file = archive(pickle, Map.of("0", PickleBytes.floats(9, 9, 1, 2, 3, 4)));

        Map<String, Tensor> tensors = PthReader.read(file);

        assertThat(tensors.get("w").shape()).containsExactly(2, 2);
        assertThat(tensors.get("w").toFloatArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aPickleCallingOsSystemIsRejectedWithTheGlobalsName() throws IOException {
        Path marker = dir.resolve("pwned");
        byte[] pickle = new PickleBytes().proto(2).global("os", "system").mark().unicode("touch " + marker).tuple()
                .reduce().stop().toBytes();
        Path file = archive(pickle, Map.of());

        assertThatThrownBy(() -> PthReader.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'os.system'").hasMessageContaining("refusing");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aPickleReachingBuiltinsEvalThroughStackGlobalIsRejectedWithTheGlobalsName() throws IOException {
        byte[] pickle = new PickleBytes().proto(4).stackGlobal("builtins", "eval").mark().unicode("1+1").tuple()
                .reduce().stop().toBytes();
        Path file = archive(pickle, Map.of());

        assertThatThrownBy(() -> PthReader.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'builtins.eval'");
    }

    @Test
    void subprocessPopenHiddenInsideAStateDictIsRejected() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).emptyDict().unicode("model").emptyDict()
                .unicode("w").global("subprocess", "Popen").mark().unicode("ls").tuple().reduce().setItem()
                .setItem().stop().toBytes();
        Path file = archive(pickle, Map.of());

        assertThatThrownBy(() -> PthReader.read(file)).hasMessageContaining("'subprocess.Popen'");
    }

    @Test
    void aTruncatedZipIsReportedAsTruncated() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.folder("tiny").resolve("consolidated/consolidated.pth"));
        Path file = Files.write(dir.resolve("consolidated.pth"), Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> PthReader.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void aStorageDeclaringTwoToTheFortyElementsFailsFastWithoutAllocatingThem() throws IOException {
        long huge = 1L << 40;
        byte[] pickle = new PickleBytes().proto(2).emptyDict()
                .unicode("w").tensor("FloatStorage", "0", huge, 0, new long[] {huge}, new long[] {1}).setItem()
                .stop().toBytes();
        Path file = archive(pickle, Map.of("0", PickleBytes.floats(1, 2, 3, 4)));

        assertThatThrownBy(() -> PthReader.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("storage '0' declares 1099511627776 FloatStorage elements")
                .hasMessageContaining("16 bytes");
        assertThat(AllocatedBytes.during(() -> PthReader.read(file))).isLessThan(SIXTEEN_MB);
    }

    @Test
    void aStringDeclaringTwoGigabytesInATinyPickleFailsFast() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).unicodeClaiming(Integer.MAX_VALUE).toBytes();
        Path file = archive(pickle, Map.of());

        assertThatThrownBy(() -> PthReader.read(file)).hasMessageContaining("declares 2147483647 bytes but only 0 remain");
        assertThat(AllocatedBytes.during(() -> PthReader.read(file))).isLessThan(SIXTEEN_MB);
    }

    @Test
    void aTensorReachingPastItsStorageIsRejected() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).emptyDict()
                .unicode("w").tensor("FloatStorage", "0", 4, 2, new long[] {2, 2}, new long[] {2, 1}).setItem()
                .stop().toBytes();
        Path file = archive(pickle, Map.of("0", PickleBytes.floats(1, 2, 3, 4)));

        assertThatThrownBy(() -> PthReader.read(file))
                .hasMessageContaining("4 elements at offset 2 does not fit storage '0' of 4 elements");
    }

    @Test
    void aNonContiguousTensorIsRefusedWithAHint() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).emptyDict()
                .unicode("w").tensor("FloatStorage", "0", 4, 0, new long[] {2, 2}, new long[] {1, 2}).setItem()
                .stop().toBytes();
        Path file = archive(pickle, Map.of("0", PickleBytes.floats(1, 2, 3, 4)));

        assertThatThrownBy(() -> PthReader.read(file)).hasMessageContaining("not contiguous")
                .hasMessageContaining(".contiguous()");
    }

    @Test
    void anEntryPathThatEscapesTheArchiveIsRefused() throws IOException {
        Path file = PickleBytes.zip(dir.resolve("consolidated.pth"),
                Map.of("../../etc/data.pkl", new PickleBytes().proto(2).emptyDict().stop().toBytes()));

        assertThatThrownBy(() -> PthReader.read(file)).hasMessageContaining("'../../etc/data.pkl'")
                .hasMessageContaining("escapes");
    }

    @Test
    void integerWeightsAreRefusedNamingTheTensor() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).emptyDict()
                .unicode("step").tensor("LongStorage", "0", 1, 0, new long[] {}, new long[] {}).setItem()
                .stop().toBytes();
        Path file = archive(pickle, Map.of("0", new byte[8]));

        assertThatThrownBy(() -> PthReader.read(file)).hasMessageContaining("tensor 'step' is stored as LongStorage");
    }
}
