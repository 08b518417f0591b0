package org.mtalens.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.analysis.NextTokenComparison.TokenShift;
import org.mtalens.runtime.model.RunResult;

class NextTokenComparisonTest {
    /** One position, vocabulary of four tokens. */
    private static RunResult run(float... logits) {
        return new RunResult(new int[] {0}, logits, logits.length, List.of(), Map.of(), "cpu", 0);
    }

    @Test
    void listsTheTopTokensOfBothRunsWithTheirProbabilityInEach() {
        float ln3 = (float) Math.log(3);
        // before: token 1 has 3/6, tokens 0, 2, 3 have 1/6 each; after: token 3 has 3/6, the others 1/6
        NextTokenComparison c = NextTokenComparison.at(run(0, ln3, 0, 0), run(0, 0, 0, ln3), 0, 1);
        assertThat(c.tokens()).extracting(TokenShift::token).containsExactly(1, 3);
        TokenShift first = c.tokens().get(0);
        assertThat(first.before()).isCloseTo(0.5, within(1e-6));
        assertThat(first.after()).isCloseTo(1.0 / 6, within(1e-6));
        assertThat(c.tokens().get(1).change()).isCloseTo(0.5 - 1.0 / 6, within(1e-6));
    }

    @Test
    void theDivergenceIsTheKlOfTheReferenceFromTheChangedRun() {
        float ln3 = (float) Math.log(3);
        NextTokenComparison c = NextTokenComparison.at(run(0, ln3, 0, 0), run(0, 0, 0, ln3), 0, 2);
        double expected = 0.5 * Math.log(3) + 1.0 / 6 * Math.log(1.0 / 3); // 3/6 ln(3) + 1/6 ln(1/3) + two zero terms
        assertThat(c.klDivergence()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void runsOverDifferentVocabulariesAreRefused() {
        assertThatThrownBy(() -> NextTokenComparison.at(run(0, 0), run(0, 0, 0), 0, 1))
                .hasMessageContaining("vocabularies of 2 and 3");
    }
}
