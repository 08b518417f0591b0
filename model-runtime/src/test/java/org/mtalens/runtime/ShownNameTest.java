package org.mtalens.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShownNameTest {
    @Test
    void aShortNameIsShownWhole() {
        assertThat(ShownName.of("layers.0.attention.wq.weight")).isEqualTo("layers.0.attention.wq.weight");
    }

    @Test
    void aNameOfAMegabyteIsCutTo200CharactersAndSaysHowLongItWas() {
        String shown = ShownName.of("x".repeat(1 << 20));

        assertThat(shown).isEqualTo("x".repeat(200) + "… (1048576 characters)");
    }

    @Test
    void controlCharactersCannotForgeLinesOfTheirOwn() {
        assertThat(ShownName.of("a\nmta-lens: fine\r\u0000")).isEqualTo("a?mta-lens: fine??");
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String emoji = "🙂".repeat(150); // 300 chars, 150 code points

        assertThat(ShownName.of(emoji)).startsWith("🙂".repeat(100) + "…");
    }

    @Test
    void aMessageOfMegabytesIsCutWhateverItHolds() {
        InvalidInputException e = new InvalidInputException("file.pth: " + "y".repeat(10 << 20));

        assertThat(e.getMessage()).hasSizeLessThan(InvalidInputException.MAX_MESSAGE_CHARS + 40).startsWith("file.pth: yyy");
    }
}
