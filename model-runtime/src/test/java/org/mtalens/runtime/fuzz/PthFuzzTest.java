package org.mtalens.runtime.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.PthReader;

/**
 * Any PyTorch zip checkpoint, and any pickle inside a well-formed one, gives a state dict (readable to
 * the last value) or an {@link InvalidInputException}: never code run, another exception, an
 * OutOfMemoryError or a hang. The second target keeps the zip valid so the fuzzer reaches the unpickler.
 */
class PthFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void readsAnyZipAsAStateDictOrAClearError(byte[] input) {
        read(input);
    }

    /** Input: storage 0 (64 bytes), storage 1 (64 bytes), then the pickle ({@code archive/data.pkl}). */
    @FuzzTest(maxDuration = "10m")
    void unpicklesAnyPickleInAValidZipOrGivesAClearError(FuzzedDataProvider data) throws IOException {
        byte[] storage0 = data.consumeBytes(64);
        byte[] storage1 = data.consumeBytes(64);
        byte[] pickle = data.consumeRemainingAsBytes();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            stored(out, "archive/data.pkl", pickle);
            stored(out, "archive/byteorder", "little".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            stored(out, "archive/data/0", storage0);
            stored(out, "archive/data/1", storage1);
        }
        read(zip.toByteArray());
    }

    private static void read(byte[] file) {
        try {
            Widening.widenAll(PthReader.read(FuzzFiles.write("consolidated.pth", file)));
        } catch (InvalidInputException expected) {
            // a clear message is the promised outcome for a broken or hostile file
        }
    }

    private static void stored(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }
}
