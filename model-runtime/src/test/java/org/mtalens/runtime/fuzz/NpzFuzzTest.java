package org.mtalens.runtime.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.export.Npz;

/** Any bytes read as an npz give arrays or an {@link InvalidInputException} naming the entry. */
class NpzFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void readsAnyNpzOrGivesAClearError(byte[] input) throws IOException {
        try {
            Npz.read(new ByteArrayInputStream(input), "fuzz.npz");
        } catch (InvalidInputException expected) {
            // a clear message is the promised outcome for a broken file
        }
    }
}
