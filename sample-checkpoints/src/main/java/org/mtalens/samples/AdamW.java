package org.mtalens.samples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (decoupled weight decay) over DJL arrays, with gradient clipping by global norm, as lingua
 * trains: {@code m = b1 m + (1-b1) g}, {@code v = b2 v + (1-b2) g^2},
 * {@code p -= lr (m^ / (sqrt(v^) + eps) + wd p)} with bias-corrected m^, v^. Its moments live in
 * the manager given at construction; they are part of what a resumable save keeps.
 */
public final class AdamW {
    private final OptimizerSettings settings;
    private final NDManager manager;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private long updates;

    public AdamW(NDManager manager, OptimizerSettings settings) {
        this.manager = manager;
        this.settings = settings;
    }

    /**
     * One update of every parameter from its gradient, then the gradients are zeroed. A gradient with a
     * NaN or infinity anywhere changes nothing (the step is skipped, as mixed-precision trainers do), so
     * one bad batch never poisons the weights. Temporaries go to {@code scratch}.
     *
     * @return the global gradient norm before clipping (not finite when the step was skipped)
     */
    public double step(Map<String, NDArray> parameters, double learningRate, NDManager scratch) {
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        double sumSquares = 0;
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray g = e.getValue().getGradient();
            g.attach(scratch);
            gradients.put(e.getKey(), g);
            sumSquares += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sumSquares);
        if (!Double.isFinite(norm)) {
            gradients.values().forEach(g -> g.muli(0f));
            return norm;
        }
        float clip = settings.clip() > 0 && norm > settings.clip() ? (float) (settings.clip() / norm) : 1f;
        updates++;
        double correction1 = 1 - Math.pow(settings.beta1(), updates);
        double correction2 = 1 - Math.pow(settings.beta2(), updates);
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            update(e.getKey(), e.getValue(), gradients.get(e.getKey()).mul(clip), learningRate, correction1, correction2);
            gradients.get(e.getKey()).muli(0f);
        }
        return norm;
    }

    private void update(String key, NDArray p, NDArray g, double lr, double correction1, double correction2) {
        NDArray m = firstMoments.computeIfAbsent(key, k -> zerosLike(p));
        NDArray v = secondMoments.computeIfAbsent(key, k -> zerosLike(p));
        m.muli((float) settings.beta1()).addi(g.mul((float) (1 - settings.beta1())));
        v.muli((float) settings.beta2()).addi(g.square().muli((float) (1 - settings.beta2())));
        NDArray denominator = v.div((float) correction2).sqrt().addi((float) settings.eps());
        NDArray direction = m.div((float) correction1).divi(denominator);
        if (settings.weightDecay() > 0) {
            direction.addi(p.mul((float) settings.weightDecay()));
        }
        p.subi(direction.muli((float) lr));
    }

    private NDArray zerosLike(NDArray p) {
        NDArray zeros = manager.zeros(p.getShape());
        zeros.setName(p.getName());
        return zeros;
    }

    /** @return updates done so far */
    public long updates() {
        return updates;
    }

    /** @return the moments as fp32 values, keyed {@code m/KEY} and {@code v/KEY} (for a resumable save) */
    public Map<String, float[]> state() {
        Map<String, float[]> state = new LinkedHashMap<>();
        firstMoments.forEach((k, a) -> state.put("m/" + k, a.toFloatArray()));
        secondMoments.forEach((k, a) -> state.put("v/" + k, a.toFloatArray()));
        return state;
    }

    /** Restores moments saved by {@link #state()} for parameters shaped like {@code parameters}. */
    public void restore(Map<String, NDArray> parameters, Map<String, float[]> state, long updatesDone) {
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            float[] m = state.get("m/" + e.getKey());
            float[] v = state.get("v/" + e.getKey());
            if (m != null && v != null) {
                firstMoments.put(e.getKey(), manager.create(m, e.getValue().getShape()));
                secondMoments.put(e.getKey(), manager.create(v, e.getValue().getShape()));
            }
        }
        this.updates = updatesDone;
    }
}
