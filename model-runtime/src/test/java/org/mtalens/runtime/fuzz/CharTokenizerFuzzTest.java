package org.mtalens.runtime.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.tokenizer.CharTokenizer;
import org.mtalens.runtime.tokenizer.Tokenizer;

/** The toy-task {@code char} tokenizer: any text or ids give tokens or a message naming the problem. */
class CharTokenizerFuzzTest {
    private static final Tokenizer CHAR = new CharTokenizer();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz.#_";

    @FuzzTest(maxDuration = "10m")
    void encodesAnyTextOfItsAlphabetSoThatDecodingGivesItBackAndNamesAnyOtherCharacter(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        boolean inAlphabet = text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
        try {
            int[] ids = FuzzTokenizerChecks.encodeAndCheck(CHAR, text);
            assertThat(inAlphabet).as("encoded text outside a-z . # _: %s", text).isTrue();
            assertThat(CHAR.decode(ids)).isEqualTo(text);
        } catch (InvalidInputException e) {
            assertThat(inAlphabet).as("refused text of the alphabet: %s", text).isFalse();
            assertThat(e.getMessage()).contains("at position");
        }
    }

    @FuzzTest(maxDuration = "10m")
    void describesAndDecodesAnyIdsOrNamesTheFirstIdOutsideTheVocabulary(byte[] input) {
        int[] ids = FuzzTokenizerChecks.shorts(input);
        boolean inVocabulary = java.util.Arrays.stream(ids).allMatch(id -> id >= 0 && id < CharTokenizer.VOCABULARY_SIZE);
        try {
            assertThat(CHAR.describe(ids)).hasSize(ids.length);
            assertThat(CHAR.decode(ids).length()).isGreaterThanOrEqualTo(ids.length);
            assertThat(inVocabulary).isTrue();
        } catch (InvalidInputException e) {
            assertThat(inVocabulary).isFalse();
        }
    }
}
