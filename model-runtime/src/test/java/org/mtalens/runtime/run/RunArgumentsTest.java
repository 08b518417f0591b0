package org.mtalens.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.testing.Fixtures;

/**
 * {@code run}'s choices are checked against the model whether or not anything is exported, and name the valid
 * ones; an input beyond max_seqlen runs only on purpose, with a warning; a BOS the model lacks is named as the BOS.
 */
class RunArgumentsTest {
    private final StringWriter out = new StringWriter();

    private int run(String... args) throws Exception {
        return RunCall.run(out, args);
    }

    private static String tiny() {
        return Fixtures.folder("tiny").toString();
    }

    private static String ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.valueOf(i % 32)).collect(Collectors.joining(","));
    }

    @Test
    void anUnknownStageIsRefusedNamingTheStagesEvenWithoutAnExport() {
        assertThatThrownBy(() -> run(tiny(), "--tokens", "1,2", "--stages", "foo")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--stages foo: unknown stage 'foo'; stages are scores, pre_sm_conv,");
    }

    @Test
    void aStageTheChosenLayerDoesNotRunIsRefusedNamingItsStagesAndWhereItRuns() {
        assertThatThrownBy(() -> run(tiny(), "--tokens", "1,2", "--layers", "0", "--stages", "post_sm_conv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--stages post_sm_conv: layer 0 does not run it; its stages are scores,")
                .hasMessageContaining("(post_sm_conv runs in layer 1)");
    }

    @Test
    void layersAndHeadsTheModelLacksAreRefusedNamingTheValidOnes() {
        assertThatThrownBy(() -> run(tiny(), "--tokens", "1,2", "--heads", "0,9"))
                .hasMessageContaining("--heads 9: the model has heads 0..3");
        assertThatThrownBy(() -> run(tiny(), "--tokens", "1,2", "--layers", "two"))
                .hasMessageContaining("--layers two: not a number; the model has layers 0..1");
        assertThatThrownBy(() -> run(tiny(), "--tokens", "1,2", "--layers", "-1"))
                .hasMessageContaining("--layers -1: the model has layers 0..1");
    }

    @Test
    void aStageThatTheAblationSwitchesOffWhereverItRunsIsRefused() {
        assertThatThrownBy(() -> run(tiny(), "--tokens", "1,2", "--stages", "pre_sm_conv", "--ablate", "L1.pre_sm_conv"))
                .hasMessageContaining("--stages pre_sm_conv: --ablate switches it off in layer 1, so no map of it would be"
                        + " exported");
    }

    @Test
    void anInputBeyondMaxSeqlenRunsOnlyWithAllowLongerAndThenWarns() throws Exception {
        assertThatThrownBy(() -> run(tiny(), "--tokens", ids(65))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).commandLineMessage())
                        .isEqualTo("the input has 65 tokens, more than max_seqlen 64 (--allow-longer runs it anyway)"));

        assertThat(run(tiny(), "--tokens", ids(65), "--allow-longer", "--json")).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("tokens")).hasSize(65);
        assertThat(json.get("warnings").get(0).asText()).contains("the run reaches position 64, beyond max_seqlen 64")
                .contains("RoPE has no hard limit");
    }

    @Test
    void anInputWhoseMapsWouldOverflowAnArrayIsRefusedEvenWithAllowLonger() {
        assertThatThrownBy(() -> run(tiny(), "--tokens", ids(46_341), "--allow-longer"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the input has 46341 tokens; its [T, T] attention maps would have more cells than one"
                        + " array holds (at most 46340 tokens)");
    }

    @Test
    void aBosTheModelLacksIsNamedAsTheBosWithTheWayToLeaveItOut() throws Exception {
        assertThatThrownBy(() -> run(tiny(), "--text", "\u0001")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the BOS token (id 256) that the tokenizer puts before the text is outside the"
                        + " vocabulary of the model (ids 0 to 31)")
                .satisfies(e -> assertThat(((InvalidInputException) e).commandLineMessage()).endsWith("(--no-bos leaves the BOS out)"));

        assertThat(run(tiny(), "--text", "\u0001", "--no-bos")).isZero();
    }
}
