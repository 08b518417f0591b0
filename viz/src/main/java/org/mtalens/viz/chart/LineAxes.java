package org.mtalens.viz.chart;

/**
 * How the stage chart puts logits and weights on screen. Logits (any real number) and weights (about 0..1) do not
 * share a scale, so the chart either gives each its own y axis or turns the logits into weights first.
 */
public enum LineAxes {
    /**
     * The default: weights on the right axis, logits as they are on the left axis; each line's legend entry says
     * which axis it reads against.
     */
    TWO_AXES,
    /**
     * Every line on one weight axis: each logit line is replaced by its softmax over the query's keys (what the
     * query would attend to if the map stopped there), labelled {@code softmax(stage)}.
     */
    SOFTMAX_OF_LOGITS
}
