package org.mtalens.runtime.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenLabelsTest {
    @Test
    void invisibleCharactersAreShownVisibly() {
        assertThat(TokenLabels.forText(" a\n\t\r\u0003\u007f")).isEqualTo("␣a⏎⇥^M^C^?");
    }

    @Test
    void wholeCharactersInBytesAreShownAsText() {
        assertThat(TokenLabels.forBytes(" café 👋".getBytes(StandardCharsets.UTF_8))).isEqualTo("␣café␣👋");
    }

    @Test
    void bytesOfASplitCharacterAreMarkedInHex() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertThat(TokenLabels.forBytes(new byte[] {'a', euro[0], euro[1]})).isEqualTo("a‹e2›‹82›");
        assertThat(TokenLabels.forBytes(new byte[] {euro[2], 'b'})).isEqualTo("‹ac›b");
    }
}
