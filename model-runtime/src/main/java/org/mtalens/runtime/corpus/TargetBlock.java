package org.mtalens.runtime.corpus;

/**
 * Where a find-the-block input's answer is: the query position that predicts the answer's first letter, and the
 * target block's keys [start, end).
 *
 * @param answerQuery the query whose {@code final} row is read (the last prompt token)
 * @param start       first key of the target block
 * @param end         one past the last key of the target block
 */
public record TargetBlock(int answerQuery, int start, int end) {
    public TargetBlock {
        if (start < 0 || end <= start || end > answerQuery + 1) {
            throw new IllegalArgumentException("target block [" + start + ", " + end + ") is not before query " + answerQuery);
        }
    }
}
