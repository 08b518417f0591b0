package org.mtalens.runtime.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.mtalens.runtime.checkpoint.PickleBytes;
import org.mtalens.runtime.checkpoint.PthReader;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.reliability.ZipBytes;

/**
 * Whatever file name {@code torch.save} writes to, the checkpoint loads: torch names the archive's folder after
 * the file (from after the last '/' or '\' to before the last '.'; an empty name it refuses to write), and only
 * entries below that folder that climb out of it are refused.
 */
class ArchiveFolderFuzzTest {
    private static final byte[] STATE_DICT = new PickleBytes().proto(2).emptyDict().unicode("w")
            .tensor("FloatStorage", "0", 4, 0, new long[] {4}, new long[] {1}).setItem().stop().toBytes();

    @FuzzTest(maxDuration = "10m")
    void aCheckpointInTheFolderTorchNamesAfterAnyFileLoads(byte[] input) {
        String folder = torchFolderName(new String(input, StandardCharsets.UTF_8));
        if (folder.isEmpty()) {
            return; // torch.save refuses "invalid file name"
        }
        byte[] zip = new ZipBytes().stored(folder + "/data.pkl", STATE_DICT)
                .stored(folder + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII))
                .stored(folder + "/data/0", PickleBytes.floats(1, 2, 3, 4)).stored(folder + "/version", "3\n".getBytes())
                .toBytes();

        Map<String, Tensor> tensors = PthReader.read(FuzzFiles.write("consolidated.pth", zip));

        assertThat(tensors.get("w").toFloatArray()).containsExactly(1, 2, 3, 4);
    }

    /** PyTorchStreamWriter's archive name for a file name (written here from its description, not copied). */
    static String torchFolderName(String fileName) {
        int start = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1;
        int dot = fileName.lastIndexOf('.');
        int end = dot >= start ? dot : fileName.length();
        return fileName.substring(start, end);
    }
}
