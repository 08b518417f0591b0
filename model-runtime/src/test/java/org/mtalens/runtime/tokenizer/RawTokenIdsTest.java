package org.mtalens.runtime.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mtalens.runtime.InvalidInputException;

class RawTokenIdsTest {
    @Test
    void commaSeparatedIdsAreReadInOrder() {
        assertThat(RawTokenIds.parse("3,17,5", 32)).containsExactly(3, 17, 5);
    }

    @Test
    void spacesAndAPastedListAreAcceptedToo() {
        assertThat(RawTokenIds.parse(" [3, 17  5] ", 32)).containsExactly(3, 17, 5);
    }

    @Test
    void aWordIsRefusedNamingItAndItsPosition() {
        assertThatThrownBy(() -> RawTokenIds.parse("3,x7,5", 32)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the token at position 1").hasMessageContaining("'x7'").hasMessageContaining("not a whole number");
    }

    @Test
    void aNegativeIdIsRefused() {
        assertThatThrownBy(() -> RawTokenIds.parse("3,17,-1", 32)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the token at position 2 (-1) is negative");
    }

    @Test
    void anIdOutsideTheVocabularyIsRefusedShowingTheRange() {
        assertThatThrownBy(() -> RawTokenIds.parse("3,32", 32)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the token at position 1 (32)").hasMessageContaining("0 to 31");
    }

    @Test
    void emptyInputAndEmptyTokensAreRefused() {
        assertThatThrownBy(() -> RawTokenIds.parse("  ", 32)).isInstanceOf(InvalidInputException.class).hasMessageContaining("no token ids");
        assertThatThrownBy(() -> RawTokenIds.parse("3,,5", 32)).isInstanceOf(InvalidInputException.class).hasMessageContaining("the token at position 1 is empty");
    }

    @Test
    void withoutATokenizerEachIdIsLabelledByItsNumber() {
        assertThat(RawTokenIds.describe(new int[] {3, 17})).extracting(Token::label).containsExactly("#3", "#17");
    }
}
