package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.testing.Fixtures;
import org.mtalens.runtime.testing.RandomCheckpoint;

/**
 * Generation with a cache (one pass over the prompt, then one step per token) gives exactly the tokens of
 * repeated whole passes, with and without parts switched off, on the fixtures and on configurations whose
 * key-query convolutions read several query rows up (the cache must keep queries, not only keys and values).
 */
class CachedGenerationTest {
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("tiny", OfficialReferenceTest.safetensors("tiny"), Fixtures.tokens("tiny"), ""),
                Arguments.of("tiny-plain-gqa", OfficialReferenceTest.safetensors("tiny-plain-gqa"), Fixtures.tokens("tiny-plain-gqa"), ""),
                Arguments.of("tiny-linear-heads", OfficialReferenceTest.safetensors("tiny-linear-heads"),
                        Fixtures.tokens("tiny-linear-heads"), ""),
                Arguments.of("mta-left-gqa", RandomCheckpoint.of(TraceTest.MTA_LEFT, 3), TraceTest.ids(21, 40), ""),
                Arguments.of("mta-left-gqa ablated", RandomCheckpoint.of(TraceTest.MTA_LEFT, 3), TraceTest.ids(21, 40),
                        "L1.head1.pre_sm_conv,L2.post_sm_conv"),
                Arguments.of("mta-linear-right", RandomCheckpoint.of(TraceTest.MTA_LINEAR_RIGHT, 4), TraceTest.ids(9, 30), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void cachedGenerationGivesTheTokensOfRepeatedWholePasses(String name, Checkpoint checkpoint, int[] prompt,
                                                             String ablate) {
        Ablation parts = Ablation.parse(ablate, checkpoint.config());
        int count = Math.min(12, checkpoint.config().maxSeqlen() - prompt.length);
        try (ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu())) {
            int[] cached = runner.generate(prompt, count, parts);
            int[] repeated = Arrays.copyOf(prompt, prompt.length + count);
            for (int i = prompt.length; i < repeated.length; i++) {
                RunResult pass = runner.run(new RunRequest(Arrays.copyOf(repeated, i), CaptureSelection.none(), false, parts));
                repeated[i] = pass.greedyNextToken();
            }
            assertThat(cached).as("prompt and %d new tokens", count).containsExactly(repeated);
            if (name.startsWith("mta-")) { // (the tiny-linear-heads fixture repeats one token)
                assertThat(Arrays.stream(cached, prompt.length, cached.length).distinct().count())
                        .as("the model says more than one thing (the comparison means something)").isGreaterThan(1);
            }
        }
    }
}
