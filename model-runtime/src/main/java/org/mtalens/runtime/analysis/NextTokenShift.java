package org.mtalens.runtime.analysis;

import org.mtalens.runtime.model.RunResult;

/** How much the next-token distribution at one position moved between two runs of the same input. */
public final class NextTokenShift {
    private NextTokenShift() {
    }

    /**
     * KL(p || q) in nats between the softmax of {@code reference}'s logits (p) and of {@code changed}'s (q)
     * at {@code position}; both runs must share the vocabulary.
     */
    public static double klDivergence(RunResult reference, RunResult changed, int position) {
        return klDivergence(probabilities(reference, position), probabilities(changed, position));
    }

    /** @return KL(p || q) in nats of two distributions over the same vocabulary */
    static double klDivergence(double[] p, double[] q) {
        double kl = 0;
        for (int v = 0; v < p.length; v++) {
            if (p[v] > 0) {
                kl += p[v] * (Math.log(p[v]) - Math.log(q[v]));
            }
        }
        return kl;
    }

    /** @return the next-token distribution after {@code position}: the softmax of the run's logits there */
    static double[] probabilities(RunResult run, int position) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < run.vocabSize(); v++) {
            max = Math.max(max, run.logit(position, v));
        }
        double[] out = new double[run.vocabSize()];
        double sum = 0;
        for (int v = 0; v < out.length; v++) {
            out[v] = Math.exp(run.logit(position, v) - max);
            sum += out[v];
        }
        for (int v = 0; v < out.length; v++) {
            out[v] /= sum;
        }
        return out;
    }
}
