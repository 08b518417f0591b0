package org.mtalens.runtime.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.ModelConfigReader;

/**
 * Any {@code config.json} or {@code params.json} text gives a model config whose expected tensor
 * shapes can be listed, or an {@link InvalidInputException} naming the file and field.
 */
class ConfigFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void parsesAnyConfigJsonOrGivesAClearError(byte[] input) {
        try {
            use(ModelConfigReader.parseConfigJson(new String(input, StandardCharsets.UTF_8), "config.json"));
        } catch (InvalidInputException expected) {
            // a clear message naming the field is the promised outcome
        }
    }

    @FuzzTest(maxDuration = "10m")
    void readsAnyParamsJsonOrGivesAClearError(byte[] input) {
        try {
            use(ModelConfigReader.readParamsJson(FuzzFiles.write("params.json", input)));
        } catch (InvalidInputException expected) {
            // a clear message naming the field is the promised outcome
        }
    }

    /** What loading does next with a config: list the tensors it needs and the stage plan. */
    private static void use(ModelConfig config) {
        config.expectedTensorShapes();
        config.layerPlans();
    }
}
