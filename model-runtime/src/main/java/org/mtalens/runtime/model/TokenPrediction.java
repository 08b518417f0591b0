package org.mtalens.runtime.model;

/**
 * One candidate next token.
 *
 * @param token       the token id
 * @param probability its softmax probability
 * @param logit       its logit
 */
public record TokenPrediction(int token, double probability, float logit) {

    /** @return the {@code k} likeliest tokens of one position's logits [V], likeliest first (ties: lower id first) */
    public static java.util.List<TokenPrediction> top(float[] logits, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        java.util.Comparator<TokenPrediction> likeliestFirst = java.util.Comparator.comparingDouble(TokenPrediction::logit)
                .reversed().thenComparingInt(TokenPrediction::token);
        java.util.PriorityQueue<TokenPrediction> best = new java.util.PriorityQueue<>(likeliestFirst.reversed());
        for (int v = 0; v < logits.length; v++) {
            TokenPrediction candidate = new TokenPrediction(v, Math.exp(logits[v] - max) / sum, logits[v]);
            if (best.size() < k) {
                best.add(candidate);
            } else if (likeliestFirst.compare(candidate, best.peek()) < 0) {
                best.poll();
                best.add(candidate);
            }
        }
        java.util.List<TokenPrediction> sorted = new java.util.ArrayList<>(best);
        sorted.sort(likeliestFirst);
        return java.util.List.copyOf(sorted);
    }
}
