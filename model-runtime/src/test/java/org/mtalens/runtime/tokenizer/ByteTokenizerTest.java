package org.mtalens.runtime.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.InvalidInputException;

/** lingua's ByteTokenizer: UTF-8 bytes 0-255, BOS 256, EOS 257. */
class ByteTokenizerTest {
    private final ByteTokenizer tokenizer = new ByteTokenizer();

    @Test
    void idsAreTheUtf8BytesOfTheText() {
        // "é" is C3 A9 and "€" is E2 82 AC in UTF-8
        assertThat(TestTokenizerFiles.ids(tokenizer.encode("aé€"))).containsExactly(0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC);
    }

    @Test
    void bosIs256AndComesFirstOnlyWhenAsked() {
        assertThat(TestTokenizerFiles.ids(tokenizer.encode("a", BosToken.ADD))).containsExactly(256, 0x61);
        assertThat(tokenizer.vocabularySize()).isEqualTo(258);
    }

    @Test
    void bytesOfOneCharacterAreMarkedAndSpanThatCharacter() {
        List<Token> tokens = tokenizer.encode("a €\n");
        assertThat(tokens).extracting(Token::label).containsExactly("a", "␣", "‹e2›", "‹82›", "‹ac›", "⏎");
        assertThat(tokens).extracting(Token::start).containsExactly(0, 1, 2, 2, 2, 3);
        assertThat(tokens).extracting(Token::end).containsExactly(1, 2, 3, 3, 3, 4);
    }

    @Test
    void anEmojiOutsideTheBmpSpansItsTwoJavaChars() {
        List<Token> tokens = tokenizer.encode("👋a");
        assertThat(tokens).hasSize(5);
        assertThat(tokens.get(3).start()).isZero();
        assertThat(tokens.get(3).end()).isEqualTo(2);
        assertThat(tokens.get(4).start()).isEqualTo(2);
    }

    @Test
    void decodingRoundTripsMultilingualTextAndDropsSpecialTokens() {
        String text = "Grüße, 日本語, 👋🏽!";
        int[] ids = TestTokenizerFiles.ids(tokenizer.encode(text, BosToken.ADD));
        int[] withEos = java.util.Arrays.copyOf(ids, ids.length + 1);
        withEos[ids.length] = 257;
        assertThat(tokenizer.decode(withEos)).isEqualTo(text);
    }

    @Test
    void brokenUtf8DecodesWithBackslashEscapesAsLinguaDoes() {
        // Python: bytes([0x61, 0xe2, 0x82]).decode("utf-8", errors="backslashreplace") == "a\\xe2\\x82"
        assertThat(tokenizer.decode(new int[] {0x61, 0xE2, 0x82})).isEqualTo("a\\xe2\\x82");
    }

    @Test
    void idsOutsideTheVocabularyAreRefused() {
        assertThatThrownBy(() -> tokenizer.describe(new int[] {258})).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the token at position 0 (258)");
    }
}
