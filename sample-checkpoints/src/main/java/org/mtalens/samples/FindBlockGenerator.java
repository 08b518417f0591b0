package org.mtalens.samples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.mtalens.runtime.tokenizer.BosToken;
import org.mtalens.runtime.tokenizer.CharTokenizer;
import org.mtalens.runtime.tokenizer.Token;

/**
 * Makes task instances in the official format ({@code generate_data.py}): a target block of N distinct
 * letters, L of them as the query (in random order), other blocks distinct from each other that do not
 * hold all query letters, shuffled. Unlike the official script, inputs are whole blocks (no truncation
 * to a padded length). Tokens are the runtime's {@link CharTokenizer} ids. The same seed gives the same
 * instances.
 */
public final class FindBlockGenerator {
    private static final int LETTERS = 26;
    private static final int MAX_DRAWS = 1_000_000;
    private static final CharTokenizer TOKENIZER = new CharTokenizer();
    private final FindBlockTask task;
    private final Random random;

    public FindBlockGenerator(FindBlockTask task, long seed) {
        if (task.blocks() > 1 && task.queryLetters() == task.blockLength() && task.blockLength() == LETTERS) {
            throw new IllegalArgumentException("with 26-letter blocks every block holds every query letter");
        }
        this.task = task;
        this.random = new Random(seed);
    }

    /** @return the next instance */
    public FindBlockInstance next() {
        List<Character> target = sampleLetters(task.blockLength());
        List<Character> query = new ArrayList<>(target);
        Collections.shuffle(query, random);
        query = query.subList(0, task.queryLetters());
        String targetText = text(target);
        Set<String> blocks = new HashSet<>();
        blocks.add(targetText);
        List<String> order = new ArrayList<>();
        order.add(targetText);
        for (int draws = 0; order.size() < task.blocks(); draws++) {
            if (draws == MAX_DRAWS) {
                throw new IllegalArgumentException("cannot find " + task.blocks() + " distinct blocks of " + task.blockLength()
                        + " letters without the query letters: use fewer blocks");
            }
            List<Character> sample = sampleLetters(task.blockLength());
            String block = text(sample);
            if (!sample.containsAll(query) && blocks.add(block)) {
                order.add(block);
            }
        }
        Collections.shuffle(order, random);
        return instance(order, text(query), order.indexOf(targetText));
    }

    /** @return {@code count} instances */
    public List<FindBlockInstance> next(int count) {
        List<FindBlockInstance> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(next());
        }
        return batch;
    }

    private FindBlockInstance instance(List<String> blocks, String query, int targetBlock) {
        String text = String.join(".", blocks) + "#" + query + blocks.get(targetBlock);
        List<Token> encoded = TOKENIZER.encode(text, BosToken.ADD); // BOS, then one token per character
        int[] tokens = new int[encoded.size() + 1];
        for (int i = 0; i < encoded.size(); i++) {
            tokens[i] = encoded.get(i).id();
        }
        tokens[tokens.length - 1] = CharTokenizer.EOS_ID;
        return new FindBlockInstance(task, blocks, query, targetBlock, tokens);
    }

    private List<Character> sampleLetters(int count) {
        List<Character> letters = new ArrayList<>(LETTERS);
        for (char c = 'a'; c <= 'z'; c++) {
            letters.add(c);
        }
        for (int i = 0; i < count; i++) {
            Collections.swap(letters, i, i + random.nextInt(LETTERS - i));
        }
        return new ArrayList<>(letters.subList(0, count));
    }

    private static String text(List<Character> letters) {
        StringBuilder s = new StringBuilder(letters.size());
        letters.forEach(s::append);
        return s.toString();
    }
}
