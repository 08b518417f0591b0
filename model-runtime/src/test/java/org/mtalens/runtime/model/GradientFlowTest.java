package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.Tensor;

/** The trainer's premise: the same forward pass, differentiated, reaches every parameter (MTA kernels included). */
class GradientFlowTest {
    @Test
    void everyParameterOfAnMtaModelGetsAGradientThroughTheScopedForwardPass() {
        Checkpoint checkpoint = OfficialReferenceTest.safetensors("tiny");
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> parameters = new HashMap<>();
            for (Tensor t : checkpoint.tensors().values()) {
                NDArray p = manager.create(t.toFloatArray(), new Shape(t.shape()));
                p.setRequiresGradient(true);
                parameters.put(t.name(), p);
            }
            Weights weights = new Weights() {
                @Override
                public NDArray get(String key) {
                    return parameters.get(key);
                }

                @Override
                public NDArray find(String key) {
                    return parameters.get(key);
                }
            };
            MtaTransformer model = new MtaTransformer(checkpoint.config(), weights);
            try (NDManager pass = manager.newSubManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray tokens = pass.create(new long[] {3, 17, 5, 29, 0, 11, 8, 23, 3, 17, 5, 29}, new Shape(2, 6)); // [B, T]
                NDArray loss = model.forward(pass, tokens).logSoftmax(-1).mean().neg();
                collector.backward(loss);
            }
            for (var entry : parameters.entrySet()) {
                double norm = entry.getValue().getGradient().abs().sum().getFloat();
                assertThat(norm).as("gradient of %s", entry.getKey()).isPositive();
            }
        }
    }
}
