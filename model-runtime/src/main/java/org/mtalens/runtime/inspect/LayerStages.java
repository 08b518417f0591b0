package org.mtalens.runtime.inspect;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The stages one layer runs, in forward order, by their canonical names (docs/ARCHITECTURE.md, "Multi-Token Attention in one page").
 *
 * @param layer  layer index
 * @param stages stage ids, e.g. {@code scores, pre_sm_conv, softmax, final}
 */
public record LayerStages(@JsonProperty("layer") int layer, @JsonProperty("stages") List<String> stages) {
    public LayerStages {
        stages = List.copyOf(stages);
    }
}
