package org.mtalens.samples;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code eval-toy} measured.
 *
 * @param checkpoint the checkpoint evaluated
 * @param errorRate  errors / instances: an answer counts as an error unless every letter is right
 * @param errors     instances answered wrongly
 * @param instances  instances generated
 * @param seed       the evaluation seed
 * @param task       the task parameters from the checkpoint's config
 */
public record ToyEvaluationResult(String checkpoint, double errorRate, int errors, int instances, long seed,
                                  FindBlockTask task) {
    /** @return the same result naming the checkpoint differently (e.g. by folder name only) */
    public ToyEvaluationResult named(String name) {
        return new ToyEvaluationResult(name, errorRate, errors, instances, seed, task);
    }

    /** @return {@code error_rate}, {@code errors}, {@code instances}, {@code seed} and the task parameters */
    public ObjectNode toJson() {
        ObjectNode json = ToyTrainingConfig.JSON.createObjectNode();
        json.put("checkpoint", checkpoint);
        json.put("error_rate", errorRate);
        json.put("errors", errors);
        json.put("instances", instances);
        json.put("seed", seed);
        json.set("task", ToyTrainingConfig.JSON.valueToTree(task));
        return json;
    }

    /** @return one line for people */
    public String text() {
        return String.format(java.util.Locale.ROOT, "%s: error rate %.1f%% (%d of %d instances wrong; N=%d, L=%d, %d blocks, seed %d)",
                checkpoint, 100 * errorRate, errors, instances, task.blockLength(), task.queryLetters(), task.blocks(), seed);
    }
}
