package org.mtalens.viz.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopKeysTest {
    private static final List<String> TOKENS = List.of("<s>", "The", " cat", " sat", " on", " the", " mat", ".");

    @Test
    void theLargestWeightsComeFirstEachWithTwoTokensOfContextOnEachSide() {
        float[] row = {0.05f, 0.1f, 0.5f, 0.02f, 0.03f, 0.3f, Float.NaN, 0f};
        List<TopKeys.Hit> hits = TopKeys.of(row, 3, TOKENS, 2);

        assertThat(hits).extracting(TopKeys.Hit::key).containsExactly(2, 5, 1);
        TopKeys.Hit cat = hits.get(0);
        assertThat(cat.value()).isEqualTo(0.5f);
        assertThat(cat.before()).containsExactly("<s>", "The");
        assertThat(cat.token()).isEqualTo(" cat");
        assertThat(cat.after()).containsExactly(" sat", " on");
        TopKeys.Hit the = hits.get(2);
        assertThat(the.before()).containsExactly("<s>");
    }

    @Test
    void contextStopsAtTheEndsOfTheInputAndNanNeverRanks() {
        float[] row = {Float.NaN, 0.1f, 0f, 0f, 0f, 0f, 0f, 0.9f};
        List<TopKeys.Hit> hits = TopKeys.of(row, 20, TOKENS, 3);
        assertThat(hits).hasSize(7);
        assertThat(hits.get(0).key()).isEqualTo(7);
        assertThat(hits.get(0).after()).isEmpty();
        assertThat(hits.get(0).before()).containsExactly(" on", " the", " mat");
        // equal weights: the earlier key first
        assertThat(hits.subList(2, 7)).extracting(TopKeys.Hit::key).containsExactly(2, 3, 4, 5, 6);
    }
}
