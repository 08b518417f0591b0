package org.mtalens.viz.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextLinesTest {
    /** Ten pixels a character. */
    private static double measure(String token) {
        return 10.0 * token.length();
    }

    @Test
    void tokensWrapBeforeTheOneThatWouldOverflowAndAfterANewline() {
        List<String> tokens = List.of("The", " cat", " sat", "\n", "On", " the", " mat");
        TextLines lines = TextLines.wrap(tokens, 100, TextLinesTest::measure, 20);

        assertThat(lines.lines()).isEqualTo(3);
        assertThat(lines.firstToken(0)).isZero();
        assertThat(lines.endToken(0)).isEqualTo(2); // "The cat" = 70 px; " sat" would make 110
        assertThat(lines.firstToken(1)).isEqualTo(2); // " sat" and the newline
        assertThat(lines.firstToken(2)).isEqualTo(4); // after the newline
        assertThat(lines.x(5)).isEqualTo(20);
        assertThat(lines.lineOf(6)).isEqualTo(2);
        assertThat(lines.tokenAt(25, 45)).isEqualTo(5);
    }

    @Test
    void aLongTextShowsOnlyTheLinesInTheBandInView() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            tokens.add(" word");
        }
        TextLines lines = TextLines.wrap(tokens, 500, TextLinesTest::measure, 20);
        assertThat(lines.lines()).isEqualTo(500);

        int[] band = lines.visible(4000, 200);
        assertThat(band).containsExactly(200, 210);
        assertThat(lines.firstToken(band[0])).isEqualTo(2000);
    }
}
