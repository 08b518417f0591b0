package org.mtalens.runtime.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.tokenizer.HuggingFaceJsonTokenizer;
import org.mtalens.runtime.tokenizer.Tokenizer;

/**
 * The Hugging Face {@code tokenizer.json} reader (DJL's binding of the Rust library): any bytes give a
 * tokenizer whose tokens stay inside its vocabulary and the text, or an {@link InvalidInputException}
 * naming the file; any text encodes with the gpt-3.5 file.
 */
class JsonTokenizerFuzzTest {
    /** gpt-3.5-turbo's tokenizer.json, read once (a few seconds). */
    private static final class Gpt35 {
        static final Tokenizer TOKENIZER = HuggingFaceJsonTokenizer.read(
                FuzzTokenizerChecks.unzip(FuzzTokenizerChecks.GPT35_JSON, "tokenizer.json"));
    }

    @FuzzTest(maxDuration = "10m")
    void readsAnyBytesAsATokenizerJsonOrGivesAClearError(byte[] input) {
        try {
            Tokenizer tokenizer = HuggingFaceJsonTokenizer.read(FuzzFiles.write("tokenizer.json", input));
            int[] ids = FuzzTokenizerChecks.encodeAndCheck(tokenizer, FuzzTokenizerChecks.SAMPLE);
            tokenizer.decode(ids);
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).contains("tokenizer.json");
        }
    }

    @FuzzTest(maxDuration = "10m")
    void encodesAnyTextWithTheGpt35TokenizerJsonInsideItsVocabularyAndText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int[] ids = FuzzTokenizerChecks.encodeAndCheck(Gpt35.TOKENIZER, text);
        assertThat(Gpt35.TOKENIZER.decode(ids)).isEqualTo(text);
    }
}
