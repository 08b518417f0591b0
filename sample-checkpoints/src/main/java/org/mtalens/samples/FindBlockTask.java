package org.mtalens.samples;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The parameters of the paper's find-the-block toy task: blocks of {@code blockLength} random letters
 * joined by {@code .}, then {@code #} and {@code queryLetters} query letters; the answer is the one
 * block holding all query letters. The token sequence is {@code BOS prompt answer EOS}.
 *
 * @param blockLength  N, letters per block (distinct letters within a block)
 * @param queryLetters L, letters in the query
 * @param blocks       number of blocks in the input
 */
public record FindBlockTask(@JsonProperty("block_length") int blockLength,
                            @JsonProperty("query_letters") int queryLetters,
                            @JsonProperty("blocks") int blocks) {
    public FindBlockTask {
        if (blockLength < 1 || blockLength > 26) {
            throw new IllegalArgumentException("block_length must be 1..26, got " + blockLength);
        }
        if (queryLetters < 1 || queryLetters > blockLength) {
            throw new IllegalArgumentException("query_letters must be 1.." + blockLength + ", got " + queryLetters);
        }
        if (blocks < 1 || blocks > 1000) {
            throw new IllegalArgumentException("blocks must be 1..1000, got " + blocks);
        }
    }

    /** @return characters in the prompt: the blocks with the {@code .} between them, {@code #}, and the query */
    public int promptLength() {
        return blocks * blockLength + (blocks - 1) + 1 + queryLetters;
    }

    /** @return tokens in a whole instance: BOS, prompt, answer block, EOS */
    public int sequenceLength() {
        return 1 + promptLength() + blockLength + 1;
    }

    /** @return the token position where the answer starts (right after BOS and the prompt) */
    public int answerStart() {
        return 1 + promptLength();
    }

    /** @return tokens the loss is taken on: the answer block and EOS */
    public int lossTokens() {
        return blockLength + 1;
    }
}
