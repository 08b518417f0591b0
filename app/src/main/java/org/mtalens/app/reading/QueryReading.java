package org.mtalens.app.reading;

import java.util.List;
import org.mtalens.viz.chart.StageSeries;
import org.mtalens.viz.tokens.TopKeys;

/**
 * What the reading panel shows for one query of the selected layer and head.
 *
 * @param query      the query (a token position)
 * @param lines      its attention over keys 0..query at each stage shown (scores, pre_sm_conv, softmax, final)
 * @param topKeys    its keys of largest final weight, with context
 * @param texts      the input's tokens as running text (their decoded text when the input is text, else labels)
 * @param finalRow   its final weights over keys 0..query (the text's shading)
 * @param fromText   whether the input was text (the shaded text is shown only then)
 */
public record QueryReading(int query, List<StageSeries> lines, List<TopKeys.Hit> topKeys, List<String> texts,
                           float[] finalRow, boolean fromText) {
}
