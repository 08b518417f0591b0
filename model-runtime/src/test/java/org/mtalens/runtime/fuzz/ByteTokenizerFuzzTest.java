package org.mtalens.runtime.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.tokenizer.ByteTokenizer;
import org.mtalens.runtime.tokenizer.Tokenizer;

/** lingua's {@code bytes} tokenizer: any text round-trips through its UTF-8 bytes; any ids decode or are named. */
class ByteTokenizerFuzzTest {
    private static final Tokenizer BYTES = new ByteTokenizer();

    @FuzzTest(maxDuration = "10m")
    void encodesAnyTextAsItsUtf8BytesAndDecodingGivesItBack(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int[] ids = FuzzTokenizerChecks.encodeAndCheck(BYTES, text);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertThat(ids).hasSize(utf8.length);
        for (int k = 0; k < ids.length; k++) {
            assertThat(ids[k]).isEqualTo(utf8[k] & 0xFF);
        }
        assertThat(BYTES.decode(ids)).isEqualTo(text);
    }

    @FuzzTest(maxDuration = "10m")
    void describesAndDecodesAnyIdsOrNamesTheFirstIdOutsideTheVocabulary(byte[] input) {
        int[] ids = FuzzTokenizerChecks.shorts(input);
        boolean inVocabulary = java.util.Arrays.stream(ids).allMatch(id -> id >= 0 && id < ByteTokenizer.VOCABULARY_SIZE);
        try {
            assertThat(BYTES.describe(ids)).hasSize(ids.length);
            BYTES.decode(ids);
            assertThat(inVocabulary).isTrue();
        } catch (InvalidInputException e) {
            assertThat(inVocabulary).isFalse();
        }
    }
}
