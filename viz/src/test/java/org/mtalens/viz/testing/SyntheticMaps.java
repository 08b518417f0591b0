package org.mtalens.viz.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.ValueKind;

/** Small made-up maps for tests: causal softmax-like weights over readable tokens. */
public final class SyntheticMaps {
    public static final List<String> SENTENCE = List.of("<s>", "The", " cat", " sat", " on", " the", " mat", ".",
            " It", " was", " warm", ".");

    private SyntheticMaps() {
    }

    /** @return T tokens: the sentence repeated, numbered after the first round */
    public static List<String> tokens(int t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            out.add(i < SENTENCE.size() ? SENTENCE.get(i) : SENTENCE.get(i % SENTENCE.size()).strip() + i);
        }
        return out;
    }

    /** Causal weights, rows summing to 1, mostly on the previous token and the first one. */
    public static Matrix weights(String title, int t, long seed) {
        Random random = new Random(seed);
        float[] v = new float[t * t];
        for (int r = 0; r < t; r++) {
            double sum = 0;
            double[] row = new double[r + 1];
            for (int c = 0; c <= r; c++) {
                row[c] = Math.exp(random.nextGaussian() + (c == r - 1 ? 3 : 0) + (c == 0 ? 2 : 0));
                sum += row[c];
            }
            for (int c = 0; c <= r; c++) {
                v[r * t + c] = (float) (row[c] / sum);
            }
        }
        return new Matrix(title, t, t, v, tokens(t), tokens(t), ValueKind.WEIGHT, true);
    }
}
