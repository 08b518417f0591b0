package org.mtalens.runtime.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.SafetensorsReader;

/**
 * Any bytes given to the safetensors reader give tensors (readable to the last value) or an
 * {@link InvalidInputException}: never another exception, an OutOfMemoryError or a hang.
 * Regression mode runs the saved inputs beside this class; {@code JAZZER_FUZZ=1} fuzzes (docs/RELIABILITY.md).
 */
class SafetensorsFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void readsAnyBytesAsTensorsOrAClearError(byte[] input) {
        try {
            Widening.widenAll(SafetensorsReader.read(FuzzFiles.write("model.safetensors", input)));
        } catch (InvalidInputException expected) {
            // a clear message is the promised outcome for a broken file
        }
    }
}
