package org.mtalens.runtime.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.InvalidInputException;

/** Expected ids from the official projects/mta/tokenizer.py (CharcterTokenizer). */
class CharTokenizerTest {
    private final CharTokenizer tokenizer = new CharTokenizer();

    @Test
    void lettersAndSeparatorsGetTheOfficialToyTaskIds() {
        assertThat(TestTokenizerFiles.ids(tokenizer.encode("az.#_"))).containsExactly(0, 25, 26, 27, 28);
    }

    @Test
    void bosIs29AndComesFirstOnlyWhenAsked() {
        assertThat(TestTokenizerFiles.ids(tokenizer.encode("b", BosToken.ADD))).containsExactly(29, 1);
        assertThat(TestTokenizerFiles.ids(tokenizer.encode("b", BosToken.OMIT))).containsExactly(1);
    }

    @Test
    void vocabularyIsPaddedTo32WithAReservedToken() {
        assertThat(tokenizer.vocabularySize()).isEqualTo(32);
        assertThat(tokenizer.describe(new int[] {29, 30, 31})).extracting(Token::label)
                .containsExactly("<BOS>", "<EOS>", "<|reserved_special_token_0|>");
    }

    @Test
    void eachCharacterSpansItselfAndBosHasNoSpan() {
        List<Token> tokens = tokenizer.encode("ab#", BosToken.ADD);
        assertThat(tokens).extracting(Token::start).containsExactly(-1, 0, 1, 2);
        assertThat(tokens).extracting(Token::end).containsExactly(-1, 1, 2, 3);
        assertThat(tokens).extracting(Token::label).containsExactly("<BOS>", "a", "b", "#");
    }

    @Test
    void decodingGivesTheTextBackWithSpecialTokensByName() {
        assertThat(tokenizer.decode(new int[] {29, 7, 4, 11, 11, 14, 26, 30})).isEqualTo("<BOS>hello.<EOS>");
    }

    @Test
    void aCharacterOutsideTheAlphabetIsRefusedNamingItAndItsPosition() {
        assertThatThrownBy(() -> tokenizer.encode("abC")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'C'").hasMessageContaining("at position 2 of the text");
        assertThatThrownBy(() -> tokenizer.encode("a b")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'␣'").hasMessageContaining("at position 1 of the text");
    }

    @Test
    void idsOutsideTheVocabularyAreRefused() {
        assertThatThrownBy(() -> tokenizer.decode(new int[] {0, 32})).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the token at position 1 (32)");
    }
}
