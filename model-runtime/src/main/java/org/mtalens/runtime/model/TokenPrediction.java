package org.mtalens.runtime.model;

/**
 * One candidate next token.
 *
 * @param token       the token id
 * @param probability its softmax probability
 * @param logit       its logit
 */
public record TokenPrediction(int token, double probability, float logit) {
}
