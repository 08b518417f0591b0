package org.mtalens.runtime.model;

import java.util.Arrays;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;

/**
 * One replaced weight: a head's key-query kernel, a head-mixing matrix or a group's head kernel, given whole in
 * the checkpoint's own orientation (see {@link EditablePart}). Named {@code L{layer}.{pre_sm_conv|post_sm_conv}.head{h}},
 * {@code L{layer}.{wpsm|wposm}} or {@code L{layer}.head_kernel.group{g}}.
 *
 * @param layer  layer index
 * @param part   the weight
 * @param index  the head or group (0 for a whole matrix)
 * @param values [rows][columns] the new values
 */
public record WeightEdit(int layer, EditablePart part, int index, float[][] values) {
    public WeightEdit {
        values = Arrays.stream(values).map(float[]::clone).toArray(float[][]::new);
        if (part.indexName().isEmpty() && index != 0) {
            throw new IllegalArgumentException(part.id() + " is one matrix per layer");
        }
    }

    /** @return the name in the {@code --set} syntax, e.g. {@code L1.pre_sm_conv.head0} */
    public String name() {
        return name(layer, part, index);
    }

    /** @return the name of {@code part}'s head or group {@code index} of {@code layer} */
    public static String name(int layer, EditablePart part, int index) {
        return "L" + layer + "." + part.id() + part.indexName().map(n -> "." + n + index).orElse("");
    }

    /** @return the checkpoint key of the tensor this edit replaces a slice of */
    public String tensorKey() {
        return part.tensorKey(layer);
    }

    @Override
    public float[][] values() {
        return Arrays.stream(values).map(float[]::clone).toArray(float[][]::new);
    }

    /** @return the value at row {@code row}, column {@code column} */
    public float value(int row, int column) {
        return values[row][column];
    }

    /**
     * Writes the values over their slice of the whole tensor.
     *
     * @param tensor the tensor's values, row-major ([H, 1, c_q, c_k], [H, H] or [G, c_h, c_h])
     */
    public void applyTo(float[] tensor) {
        int rows = values.length;
        int columns = values[0].length;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values[r], 0, tensor, index * rows * columns + r * columns, columns);
        }
    }

    /**
     * @return a problem with this edit on {@code config}'s model (layer, part, head or group, shape, values), or
     *         null when it fits
     */
    String problem(ModelConfig config) {
        if (layer >= config.nLayers()) {
            return "layer " + layer + " is out of range 0.." + (config.nLayers() - 1);
        }
        LayerPlan plan = config.layerPlan(layer);
        if (!part.presentIn(plan)) {
            return "layer " + layer + " has no " + part.id() + " (its stages: "
                    + String.join(", ", plan.stages().stream().map(s -> s.id()).toList()) + ")";
        }
        int count = part.count(plan, config);
        if (index >= count) {
            return part.indexName().orElse("index") + " " + index + " is out of range 0.." + (count - 1);
        }
        int[] shape = part.shape(plan, config);
        if (values.length != shape[0] || Arrays.stream(values).anyMatch(r -> r.length != shape[1])) {
            return "expected a " + shape[0] + " x " + shape[1] + " array, got " + shapeOf(values);
        }
        for (float[] row : values) {
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    return "the value " + v + " is not a finite number";
                }
            }
        }
        return null;
    }

    private static String shapeOf(float[][] values) {
        if (values.length == 0) {
            return "no rows";
        }
        String columns = Arrays.stream(values).mapToInt(r -> r.length).distinct().count() == 1
                ? String.valueOf(values[0].length) : "ragged rows of " + Arrays.toString(Arrays.stream(values)
                .mapToInt(r -> r.length).toArray());
        return values.length + " x " + columns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightEdit e && e.layer == layer && e.part == part && e.index == index
                && Arrays.deepEquals(e.values, values);
    }

    @Override
    public int hashCode() {
        return (name().hashCode() * 31) + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return name() + "=" + Arrays.deepToString(values);
    }
}
