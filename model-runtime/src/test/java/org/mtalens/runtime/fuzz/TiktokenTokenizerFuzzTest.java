package org.mtalens.runtime.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.tokenizer.TiktokenTokenizer;
import org.mtalens.runtime.tokenizer.Tokenizer;

/**
 * The tiktoken {@code tokenizer.model} reader and encoder: any bytes give a tokenizer that encodes text
 * losslessly, or an {@link InvalidInputException} naming the file; any text encodes losslessly with cl100k.
 */
class TiktokenTokenizerFuzzTest {
    /** cl100k_base, read once (about a second). */
    private static final class Cl100k {
        static final Tokenizer TOKENIZER = TiktokenTokenizer.read(
                FuzzTokenizerChecks.unzip(FuzzTokenizerChecks.CL100K, "cl100k_base.tiktoken"));
    }

    @FuzzTest(maxDuration = "10m")
    void readsAnyBytesAsATokenizerThatEncodesLosslesslyOrGivesAClearError(byte[] input) {
        try {
            Tokenizer tokenizer = TiktokenTokenizer.read(FuzzFiles.write("tokenizer.model", input));
            int[] ids = FuzzTokenizerChecks.encodeAndCheck(tokenizer, FuzzTokenizerChecks.SAMPLE);
            assertThat(tokenizer.decode(ids)).isEqualTo(FuzzTokenizerChecks.SAMPLE);
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).contains("tokenizer.model");
        }
    }

    @FuzzTest(maxDuration = "10m")
    void encodesAnyTextWithCl100kSoThatDecodingGivesItBack(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int[] ids = FuzzTokenizerChecks.encodeAndCheck(Cl100k.TOKENIZER, text);
        assertThat(ids.length).isLessThanOrEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(Cl100k.TOKENIZER.decode(ids)).isEqualTo(text);
    }
}
