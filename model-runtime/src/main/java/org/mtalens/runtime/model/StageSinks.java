package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.mtalens.runtime.config.Stage;

/** Sinks made of other sinks. */
final class StageSinks {
    private StageSinks() {
    }

    /** @return a sink that reports progress to {@code progress} (and stops when it is cancelled), then hands everything to {@code sinks} */
    static StageSink of(PassProgress progress, int layers, StageSink... sinks) {
        return new All(progress, layers, List.of(sinks));
    }

    private record All(PassProgress progress, int layers, List<StageSink> sinks) implements StageSink {
        @Override
        public boolean wants(int layer, Stage stage) {
            return sinks.stream().anyMatch(s -> s.wants(layer, stage));
        }

        @Override
        public void stage(int layer, Stage stage, StageRows rows) {
            sinks.stream().filter(s -> s.wants(layer, stage)).forEach(s -> s.stage(layer, stage, rows));
        }

        @Override
        public void layerStarted(int layer) {
            if (progress.cancelled()) {
                throw new CancellationException("the pass was cancelled before layer " + layer);
            }
            sinks.forEach(s -> s.layerStarted(layer));
        }

        @Override
        public void layerFinished(int layer) {
            sinks.forEach(s -> s.layerFinished(layer));
            progress.layersDone(layer + 1, layers);
        }

        @Override
        public boolean wantsResidual() {
            return sinks.stream().anyMatch(StageSink::wantsResidual);
        }

        @Override
        public void residual(int layer, NDArray x) {
            sinks.stream().filter(StageSink::wantsResidual).forEach(s -> s.residual(layer, x));
        }

        @Override
        public boolean wantsProjections() {
            return sinks.stream().anyMatch(StageSink::wantsProjections);
        }

        @Override
        public void projections(int layer, NDArray q, NDArray k, NDArray v) {
            sinks.stream().filter(StageSink::wantsProjections).forEach(s -> s.projections(layer, q, k, v));
        }

        @Override
        public boolean wantsActivations() {
            return sinks.stream().anyMatch(StageSink::wantsActivations);
        }

        @Override
        public void activation(int layer, String name, NDArray values) {
            sinks.stream().filter(StageSink::wantsActivations).forEach(s -> s.activation(layer, name, values));
        }
    }
}
