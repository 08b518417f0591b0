package org.mtalens.samples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A batch of instances as the trainer feeds them. Dimensions: B batch, T = sequence length - 1,
 * K answer tokens (block + EOS), V vocabulary.
 *
 * @param inputs  [B, T] token ids: every sequence without its last token (EOS)
 * @param targets [B, K, V] one-hot of the answer tokens and EOS
 */
record TrainingBatch(NDArray inputs, NDArray targets) {
    static TrainingBatch of(NDManager manager, List<FindBlockInstance> instances, int vocabSize) {
        FindBlockTask task = instances.get(0).task();
        int batch = instances.size();
        int length = task.sequenceLength() - 1;
        int answer = task.lossTokens();
        long[] inputs = new long[batch * length];
        float[] targets = new float[batch * answer * vocabSize];
        for (int b = 0; b < batch; b++) {
            int[] tokens = instances.get(b).tokens();
            for (int t = 0; t < length; t++) {
                inputs[b * length + t] = tokens[t];
            }
            for (int k = 0; k < answer; k++) {
                targets[(b * answer + k) * vocabSize + tokens[task.answerStart() + k]] = 1f;
            }
        }
        return new TrainingBatch(manager.create(inputs, new Shape(batch, length)),
                manager.create(targets, new Shape(batch, answer, vocabSize)));
    }
}
