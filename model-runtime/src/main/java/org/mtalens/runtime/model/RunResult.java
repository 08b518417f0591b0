package org.mtalens.runtime.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mtalens.runtime.config.Stage;

/**
 * What a forward pass produced: the tokens, the logits, the captured maps and activations, and the
 * device it ran on. Immutable; holds only Java arrays.
 *
 * @param tokens      [T] input token ids
 * @param logits      [T, V] row-major
 * @param vocabSize   V
 * @param maps        the captured maps in forward order
 * @param activations per-layer activations by fixture name (e.g. {@code layer0/attn_output}), if asked
 * @param device      the device it ran on, e.g. {@code cpu()} or {@code gpu(0)}
 * @param millis      wall time of the pass
 */
public record RunResult(int[] tokens, float[] logits, int vocabSize, List<AttentionMap> maps,
                        Map<String, Activation> activations, String device, double millis) {
    public RunResult {
        tokens = tokens.clone();
        maps = List.copyOf(maps);
        activations = Map.copyOf(activations);
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public float[] logits() {
        return logits.clone();
    }

    /** @return T */
    public int length() {
        return tokens.length;
    }

    /** @return the map of one head at one stage of one layer, if it was captured */
    public Optional<AttentionMap> map(int layer, Stage stage, int head) {
        return maps.stream().filter(m -> m.layer() == layer && m.stage() == stage && m.head() == head).findFirst();
    }

    /** @return the logit of {@code token} at {@code position} */
    public float logit(int position, int token) {
        return logits[position * vocabSize + token];
    }

    /** @return the {@code k} most likely next tokens after {@code position}, most likely first */
    public List<TokenPrediction> topPredictions(int position, int k) {
        return TokenPrediction.top(java.util.Arrays.copyOfRange(logits, position * vocabSize, (position + 1) * vocabSize), k);
    }

    /** @return a warning for the user when logits are NaN or infinite ({@link LogitCheck}), else empty */
    public Optional<String> logitWarning() {
        return LogitCheck.warning(logits, tokens.length, vocabSize);
    }

    /** @return the greedy next token after the last position */
    public int greedyNextToken() {
        return topPredictions(length() - 1, 1).get(0).token();
    }
}
