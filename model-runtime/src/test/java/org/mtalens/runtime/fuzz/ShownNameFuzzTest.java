package org.mtalens.runtime.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mtalens.runtime.ShownName;

/** Any name a file holds is shown on one readable line: at most 200 characters of it, no control character, as it starts. */
class ShownNameFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void anyNameIsShownOnOneShortLineThatStartsLikeIt(byte[] input) {
        String name = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        String shown = ShownName.of(name);

        assertThat(shown.length()).isLessThanOrEqualTo(ShownName.MAX_CHARS + 30);
        assertThat(shown.chars().noneMatch(Character::isISOControl)).isTrue();
        StringBuilder start = new StringBuilder();
        name.chars().limit(ShownName.MAX_CHARS - 1).forEach(c -> start.append(Character.isISOControl(c) ? '?' : (char) c));
        assertThat(shown).startsWith(start);
        if (name.length() <= ShownName.MAX_CHARS) {
            assertThat(shown).hasSameSizeAs(name);
        } else {
            assertThat(shown).endsWith("… (" + name.length() + " characters)");
        }
    }
}
