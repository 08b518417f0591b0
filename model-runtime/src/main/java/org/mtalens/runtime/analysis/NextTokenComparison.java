package org.mtalens.runtime.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.runtime.model.TokenPrediction;

/**
 * How the next-token distribution after one position differs between a reference run and a changed run
 * of the same input: the likeliest tokens of either run with both probabilities, and KL(reference || changed).
 *
 * @param position     the position whose next token is predicted
 * @param tokens       the top tokens of the reference run, then those of the changed run not already listed
 * @param klDivergence KL(reference || changed) in nats over the whole vocabulary
 */
public record NextTokenComparison(int position, List<TokenShift> tokens, double klDivergence) {

    /**
     * One candidate next token.
     *
     * @param token  token id
     * @param before probability in the reference run
     * @param after  probability in the changed run
     */
    public record TokenShift(int token, double before, double after) {
        /** @return {@code after - before} */
        public double change() {
            return after - before;
        }
    }

    public NextTokenComparison {
        tokens = List.copyOf(tokens);
    }

    /**
     * @param top how many of each run's likeliest tokens to list
     * @throws IllegalArgumentException when the runs do not share a vocabulary or the position is outside either
     */
    public static NextTokenComparison at(RunResult reference, RunResult changed, int position, int top) {
        if (reference.vocabSize() != changed.vocabSize()) {
            throw new IllegalArgumentException("runs over vocabularies of " + reference.vocabSize() + " and "
                    + changed.vocabSize() + " tokens cannot be compared");
        }
        if (position < 0 || position >= Math.min(reference.length(), changed.length())) {
            throw new IllegalArgumentException("position " + position + " is outside the runs");
        }
        return at(NextTokenShift.logitsAt(reference, position), NextTokenShift.logitsAt(changed, position), position, top);
    }

    /**
     * @param reference [V] the reference run's logits after {@code position}
     * @param changed   [V] the changed run's logits there
     * @param top       how many of each run's likeliest tokens to list
     */
    public static NextTokenComparison at(float[] reference, float[] changed, int position, int top) {
        if (reference.length != changed.length) {
            throw new IllegalArgumentException("runs over vocabularies of " + reference.length + " and "
                    + changed.length + " tokens cannot be compared");
        }
        Set<Integer> listed = new LinkedHashSet<>();
        TokenPrediction.top(reference, top).forEach(p -> listed.add(p.token()));
        TokenPrediction.top(changed, top).forEach(p -> listed.add(p.token()));
        double[] before = NextTokenShift.probabilities(reference);
        double[] after = NextTokenShift.probabilities(changed);
        List<TokenShift> shifts = new ArrayList<>();
        for (int token : listed) {
            shifts.add(new TokenShift(token, before[token], after[token]));
        }
        shifts.sort(Comparator.comparingDouble(TokenShift::before).reversed());
        return new NextTokenComparison(position, shifts, NextTokenShift.klDivergence(before, after));
    }
}
