package org.mtalens.runtime.inspect;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.mtalens.runtime.checkpoint.DType;

/**
 * One tensor of a checkpoint as the inspector shows it.
 *
 * @param name   state-dict key
 * @param shape  dimensions, outermost first
 * @param dtype  stored element type
 * @param count  number of elements
 * @param l2Norm sqrt of the sum of squares, over the fp32-widened values
 * @param tied   true for an output weight that is the embedding (not counted again in the total)
 */
public record ParameterRow(@JsonProperty("name") String name, @JsonProperty("shape") long[] shape,
                           @JsonProperty("dtype") DType dtype, @JsonProperty("count") long count,
                           @JsonProperty("l2_norm") double l2Norm, @JsonProperty("tied") boolean tied) {
    public ParameterRow {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
