package org.mtalens.app.edit;

import java.util.Arrays;
import java.util.Optional;
import org.mtalens.runtime.model.TokenPrediction;
import org.mtalens.runtime.model.Trace;
import org.mtalens.samples.FindBlockTask;

/**
 * What a run answers, to compare edited and intact runs: the most likely next token after the last position and,
 * for a find-the-block instance, the block the model predicts (greedy at each answer position, the true answer in
 * the input, as in training) against the target.
 *
 * @param nextToken   the most likely token after the last position
 * @param probability its probability
 * @param predicted   [N] the predicted answer block, empty when the input is not a whole instance
 * @param target      [N] the instance's answer block (the input's last N tokens), empty likewise
 */
record EditOutcome(int nextToken, double probability, Optional<int[]> predicted, Optional<int[]> target) {
    /** Computes it from {@code trace} (on the inference thread: logits may be computed now). */
    static EditOutcome of(Trace trace, Optional<FindBlockTask> task, boolean instance) {
        TokenPrediction top = trace.topPredictions(trace.length() - 1, 1).get(0);
        if (task.isEmpty() || !instance || trace.length() != task.get().answerStart() + task.get().blockLength()) {
            return new EditOutcome(top.token(), top.probability(), Optional.empty(), Optional.empty());
        }
        int start = task.get().answerStart();
        int length = task.get().blockLength();
        int[] predicted = new int[length];
        for (int i = 0; i < length; i++) {
            predicted[i] = trace.topPredictions(start - 1 + i, 1).get(0).token();
        }
        int[] target = Arrays.copyOfRange(trace.tokens(), start, start + length);
        return new EditOutcome(top.token(), top.probability(), Optional.of(predicted), Optional.of(target));
    }

    /** @return whether the predicted block is the target (false when there is none) */
    boolean foundTheBlock() {
        return predicted.isPresent() && Arrays.equals(predicted.get(), target.orElseThrow());
    }
}
