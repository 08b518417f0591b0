package org.mtalens.samples;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the trainer steps: AdamW hyper-parameters, warm-up, schedule length and batch.
 *
 * @param steps       optimizer steps in all
 * @param batchSize   instances per step
 * @param lr          peak learning rate
 * @param warmup      steps of linear warm-up from 0 to {@code lr}
 * @param minLrRatio  the learning rate at the last step, as a fraction of {@code lr} (cosine decay after
 *                    warm-up); 1 keeps it constant as the official toy config does
 * @param beta1       AdamW beta1
 * @param beta2       AdamW beta2
 * @param eps         AdamW epsilon
 * @param weightDecay AdamW decoupled weight decay
 * @param clip        gradient clipping by global norm; 0 = none
 * @param saveEvery   steps between resumable saves
 */
public record OptimizerSettings(@JsonProperty("steps") int steps, @JsonProperty("batch_size") int batchSize,
                                @JsonProperty("lr") double lr, @JsonProperty("warmup") int warmup,
                                @JsonProperty("min_lr_ratio") double minLrRatio,
                                @JsonProperty("beta1") double beta1, @JsonProperty("beta2") double beta2,
                                @JsonProperty("eps") double eps, @JsonProperty("weight_decay") double weightDecay,
                                @JsonProperty("clip") double clip, @JsonProperty("save_every") int saveEvery) {

    /** @return the learning rate for 0-based {@code step}: linear warm-up, then cosine down to {@code minLrRatio} */
    public double learningRate(int step) {
        if (step < warmup) {
            return lr * (step + 1) / warmup;
        }
        if (minLrRatio >= 1 || steps <= warmup) {
            return lr;
        }
        double progress = (double) (step - warmup) / Math.max(1, steps - warmup - 1);
        double cosine = 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
        return lr * (minLrRatio + (1 - minLrRatio) * cosine);
    }
}
