package org.mtalens.app.edit;

import java.util.ArrayList;
import java.util.List;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.model.EditablePart;
import org.mtalens.runtime.model.WeightEdit;

/**
 * A weight the kernel editor can change: one head's key-query kernel, a head-mixing matrix, or one group's head
 * kernel of a layer.
 *
 * @param layer layer index
 * @param part  the weight
 * @param index the head or group (0 for a whole matrix)
 */
public record EditTarget(int layer, EditablePart part, int index) {
    /** @return the name in the {@code --set} syntax, e.g. {@code L1.pre_sm_conv.head0} */
    public String name() {
        return WeightEdit.name(layer, part, index);
    }

    /** @return whether this is a key-query kernel (c_q x c_k) rather than a head-mixing matrix */
    public boolean keyQueryKernel() {
        return part == EditablePart.PRE_SM_CONV || part == EditablePart.POST_SM_CONV;
    }

    /** @return what the user picks in the editor's list */
    public String label() {
        return switch (part) {
            case PRE_SM_CONV -> "head " + index + " · pre_sm_conv kernel (rows: queries, columns: keys)";
            case POST_SM_CONV -> "head " + index + " · post_sm_conv kernel (rows: queries, columns: keys)";
            case WPSM -> "wpsm before softmax (rows: to head, columns: from head)";
            case WPOSM -> "wposm after softmax (rows: to head, columns: from head)";
            case HEAD_KERNEL -> "head_kernel group " + index + " (rows: from head, columns: to head)";
        };
    }

    /** @return the weights of {@code layer} the editor offers for {@code head}: its kernels, the layer's head mixing */
    public static List<EditTarget> forSelection(ModelConfig config, int layer, int head) {
        LayerPlan plan = config.layerPlan(layer);
        List<EditTarget> targets = new ArrayList<>();
        for (EditablePart part : EditablePart.values()) {
            if (!part.presentIn(plan)) {
                continue;
            }
            int index = switch (part) {
                case PRE_SM_CONV, POST_SM_CONV -> head;
                case HEAD_KERNEL -> head / plan.headConvSize().orElseThrow();
                case WPSM, WPOSM -> 0;
            };
            targets.add(new EditTarget(layer, part, index));
        }
        return targets;
    }

    @Override
    public String toString() {
        return label();
    }
}
