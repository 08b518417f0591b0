package org.mtalens.samples;

import java.util.List;

/**
 * One task instance. Token positions count from BOS at 0.
 *
 * @param task        the parameters it was made with
 * @param blocks      the blocks in input order
 * @param query       the query letters (in the order shown)
 * @param targetBlock index into {@code blocks} of the one block holding every query letter
 * @param tokens      the whole sequence: BOS, prompt, answer (the target block again), EOS
 */
public record FindBlockInstance(FindBlockTask task, List<String> blocks, String query, int targetBlock, int[] tokens) {
    public FindBlockInstance {
        blocks = List.copyOf(blocks);
        tokens = tokens.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    /** @return the prompt tokens a model sees before answering: BOS and the prompt */
    public int[] promptTokens() {
        return java.util.Arrays.copyOf(tokens, task.answerStart());
    }

    /** @return the answer's letters as token ids (without EOS) */
    public int[] answerTokens() {
        return java.util.Arrays.copyOfRange(tokens, task.answerStart(), task.answerStart() + task.blockLength());
    }

    /** @return the token position of the target block's first letter inside the prompt (where the app marks it) */
    public int targetStart() {
        return 1 + targetBlock * (task.blockLength() + 1);
    }

    /** @return the token position just after the target block's last letter inside the prompt */
    public int targetEnd() {
        return targetStart() + task.blockLength();
    }

    /** @return the text of the prompt, e.g. {@code abc.def.ghi#ec} */
    public String promptText() {
        return String.join(".", blocks) + "#" + query;
    }
}
