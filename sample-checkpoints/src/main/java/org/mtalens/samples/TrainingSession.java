package org.mtalens.samples;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.model.MtaTransformer;

/**
 * The runtime's model ({@link MtaTransformer}) over trainable weights, with its optimizer: one call of
 * {@link #step} is one forward pass under DJL autograd, one backward pass and one AdamW update.
 */
final class TrainingSession {
    private final NDManager manager;
    private final ModelConfig config;
    private final TrainableWeights weights;
    private final AdamW optimizer;
    private final MtaTransformer model;

    TrainingSession(NDManager manager, ModelConfig config, TrainableWeights weights, AdamW optimizer) {
        this.manager = manager;
        this.config = config;
        this.weights = weights;
        this.optimizer = optimizer;
        this.model = new MtaTransformer(config, weights);
    }

    /**
     * @return the loss on {@code batch} before the update this step makes; when the loss or the gradient
     *         is not finite the weights stay as they were and the value is NaN
     */
    double step(List<FindBlockInstance> batch, double learningRate) {
        try (NDManager scratch = manager.newSubManager()) {
            TrainingBatch tensors = TrainingBatch.of(scratch, batch, config.vocabSize());
            float loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = TargetLoss.of(model.forward(scratch, tensors.inputs()), tensors.targets()); // scalar
                collector.backward(value);
                loss = value.getFloat();
            }
            double norm = optimizer.step(weights.parameters(), learningRate, scratch);
            return Double.isFinite(norm) ? loss : Double.NaN;
        }
    }

    /** @return the loss on {@code batch} without training */
    double loss(List<FindBlockInstance> batch) {
        try (NDManager scratch = manager.newSubManager()) {
            TrainingBatch tensors = TrainingBatch.of(scratch, batch, config.vocabSize());
            return TargetLoss.of(model.forward(scratch, tensors.inputs()), tensors.targets()).getFloat();
        }
    }

    TrainableWeights weights() {
        return weights;
    }

    AdamW optimizer() {
        return optimizer;
    }
}
