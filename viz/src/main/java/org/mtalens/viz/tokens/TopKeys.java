package org.mtalens.viz.tokens;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The keys one query attends to most, each with a few tokens of context around it, for reading long inputs where
 * the map's columns are too thin to label. Plain logic, no window needed.
 */
public final class TopKeys {
    private TopKeys() {
    }

    /**
     * One ranked key.
     *
     * @param key    the key's position
     * @param value  the query's weight (or score) on it
     * @param before up to {@code context} tokens before the key, in order
     * @param token  the key's own token
     * @param after  up to {@code context} tokens after the key, in order (a causal query sees none past itself,
     *               but the text goes on: context is the input's, not the query's)
     */
    public record Hit(int key, float value, List<String> before, String token, List<String> after) {
    }

    /**
     * @param row     the query's values over keys 0..row.length-1 (masked keys excluded by the caller)
     * @param k       how many keys to keep
     * @param tokens  the input's tokens (at least row.length of them)
     * @param context tokens of context on each side
     * @return the k keys of largest value (NaN never ranks; ties: the earlier key first), largest first
     */
    public static List<Hit> of(float[] row, int k, List<String> tokens, int context) {
        List<Integer> ranked = IntStream.range(0, row.length).filter(i -> !Float.isNaN(row[i])).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -row[i]).thenComparingInt(i -> i))
                .limit(Math.max(0, k)).toList();
        List<Hit> out = new ArrayList<>();
        for (int key : ranked) {
            out.add(new Hit(key, row[key], tokens.subList(Math.max(0, key - context), key), tokens.get(key),
                    tokens.subList(Math.min(tokens.size(), key + 1), Math.min(tokens.size(), key + 1 + context))));
        }
        return out;
    }
}
