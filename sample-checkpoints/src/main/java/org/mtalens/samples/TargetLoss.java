package org.mtalens.samples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Cross-entropy on the answer tokens only (the official {@code no_loss_prompt}): the last K positions
 * of the logits predict the answer block and EOS. Dimensions: B batch, T input tokens, V vocabulary,
 * K answer tokens.
 */
final class TargetLoss {
    private TargetLoss() {
    }

    /**
     * @param logits  [B, T, V] logits over the input (the sequence without its last token)
     * @param targets [B, K, V] one-hot of the answer tokens
     * @return the scalar mean negative log-likelihood per answer token
     */
    static NDArray of(NDArray logits, NDArray targets) {
        long answer = targets.getShape().get(1);
        long length = logits.getShape().get(1);
        NDArray tail = logits.get(new NDIndex(":, {}:, :", length - answer)); // [B, K, V]
        NDArray logProbabilities = tail.logSoftmax(-1); // [B, K, V]
        long count = targets.getShape().get(0) * answer;
        return logProbabilities.mul(targets).sum().neg().div((float) count);
    }
}
