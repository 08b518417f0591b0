package org.mtalens.samples;

/**
 * The parameters of the paper's find-the-block toy task: blocks of {@code blockLength} random letters
 * separated by {@code .}, then {@code #} and {@code queryLetters} query letters; the answer is the
 * block holding all query letters.
 *
 * @param blockLength  N, letters per block
 * @param queryLetters L, letters in the query
 * @param blocks       number of blocks in the input
 */
public record FindBlockTask(int blockLength, int queryLetters, int blocks) {
    public FindBlockTask {
        if (blockLength < 1 || blockLength > 26) {
            throw new IllegalArgumentException("blockLength must be 1..26, got " + blockLength);
        }
        if (queryLetters < 1 || queryLetters > blockLength) {
            throw new IllegalArgumentException("queryLetters must be 1.." + blockLength + ", got " + queryLetters);
        }
        if (blocks < 1) {
            throw new IllegalArgumentException("blocks must be at least 1, got " + blocks);
        }
    }

    /** @return characters in the prompt: the blocks with their separators, {@code #}, and the query */
    public int promptLength() {
        return blocks * (blockLength + 1) + 1 + queryLetters;
    }
}
