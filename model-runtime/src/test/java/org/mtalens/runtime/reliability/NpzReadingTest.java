package org.mtalens.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.export.Npz;

/** Broken npz files (an export or a fixture someone edited) are refused with a message naming the file and entry. */
class NpzReadingTest {
    /** An npz with one entry holding an npy 1.0 header with this dictionary text and these data bytes. */
    private static byte[] npz(String entry, String dict, int dataBytes) throws IOException {
        byte[] header = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer npy = ByteBuffer.allocate(10 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        npy.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length).put(header);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(npy.array());
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void read(byte[] bytes) throws IOException {
        Npz.read(new ByteArrayInputStream(bytes), "maps.npz");
    }

    @Test
    void aShapeThatIsNotNumbersNamesTheEntry() throws IOException {
        byte[] file = npz("logits.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (two, 2), }", 16);

        assertThatThrownBy(() -> read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maps.npz: entry 'logits' has an impossible shape (two, 2)");
    }

    @Test
    void aNegativeDimensionNamesTheEntry() throws IOException {
        byte[] file = npz("logits.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (-4,), }", 16);

        assertThatThrownBy(() -> read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("entry 'logits' has an impossible shape");
    }

    @Test
    void aShapeOverflowingSixtyFourBitsNamesTheEntry() throws IOException {
        byte[] file = npz("logits.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", 16);

        assertThatThrownBy(() -> read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("impossible shape");
    }

    @Test
    void anEntryOfExactlyTwoGigabytesIsRefusedAsTooLarge() throws IOException {
        byte[] file = npz("logits.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (536870912,), }", 16);

        assertThatThrownBy(() -> read(file)).isInstanceOf(InvalidInputException.class).hasMessageContaining("too large");
    }

    @Test
    void aTruncatedNpzIsNamedAsIncomplete() throws IOException {
        byte[] whole = npz("logits.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (4096,), }", 4 * 4096);
        byte[] file = java.util.Arrays.copyOf(whole, 60); // the local header and the start of the deflated entry

        assertThatThrownBy(() -> read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maps.npz: not a complete npz (zip) file");
    }
}
