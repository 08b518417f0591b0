package org.mtalens.runtime.bench;

import java.util.EnumMap;
import java.util.Map;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.StageRows;
import org.mtalens.runtime.model.StageSink;

/**
 * Times a forward pass per layer and per stage without copying anything: each stage's time is the
 * time since the previous stage of the same layer (PyTorch's CPU ops run synchronously), summed over the
 * layer's query blocks.
 */
final class StageTimer implements StageSink {
    private final double[] layerMillis;
    private final Map<Stage, Double> stageMillis = new EnumMap<>(Stage.class);
    private long layerStart;
    private long lastMark;

    StageTimer(int layers) {
        layerMillis = new double[layers];
    }

    @Override
    public boolean wants(int layer, Stage stage) {
        return true;
    }

    @Override
    public void stage(int layer, Stage stage, StageRows rows) {
        long now = System.nanoTime();
        stageMillis.merge(stage, (now - lastMark) / 1e6, Double::sum);
        lastMark = now;
    }

    @Override
    public void layerStarted(int layer) {
        layerStart = System.nanoTime();
        lastMark = layerStart;
    }

    @Override
    public void layerFinished(int layer) {
        layerMillis[layer] += (System.nanoTime() - layerStart) / 1e6;
    }

    double[] layerMillis() {
        return layerMillis.clone();
    }

    Map<Stage, Double> stageMillis() {
        return stageMillis;
    }
}
