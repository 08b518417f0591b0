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
        return klDivergence(logitsAt(reference, position), logitsAt(changed, position));
    }

    /** KL(p || q) in nats between the softmax of two logit rows [V] over the same vocabulary. */
    public static double klDivergence(float[] reference, float[] changed) {
        return klDivergence(probabilities(reference), probabilities(changed));
    }

    /** @return [V] the run's logits after {@code position} */
    static float[] logitsAt(RunResult run, int position) {
        float[] row = new float[run.vocabSize()];
        for (int v = 0; v < row.length; v++) {
            row[v] = run.logit(position, v);
        }
        return row;
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

    /** @return the softmax of one position's logits [V] */
    static double[] probabilities(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] out = new double[logits.length];
        double sum = 0;
        for (int v = 0; v < out.length; v++) {
            out[v] = Math.exp(logits[v] - max);
            sum += out[v];
        }
        for (int v = 0; v < out.length; v++) {
            out[v] /= sum;
        }
        return out;
    }
}
