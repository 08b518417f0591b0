package org.mtalens.viz.chart;

import java.util.Objects;

/**
 * One stage's values for one query over its keys: a line of the stage chart.
 *
 * @param stage  the stage's name, e.g. {@code scores}, {@code final}
 * @param kind   logits (before softmax) or weights (after)
 * @param values one value per key, keys 0..q (the keys the query may see)
 */
public record StageSeries(String stage, Kind kind, float[] values) {
    /** What a stage's numbers are, which decides the axis they are drawn on. */
    public enum Kind {
        /** Unnormalised scores (scores, pre_sm_conv, pre_sm_head_mix): any real number. */
        LOGIT,
        /** Attention weights (softmax and after): about 0..1, negative after a post-softmax convolution or mix. */
        WEIGHT
    }

    public StageSeries {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(kind, "kind");
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** @return the value at key {@code key} */
    public float value(int key) {
        return values[key];
    }

    /** @return the number of keys */
    public int keys() {
        return values.length;
    }
}
