package org.mtalens.app.adapt;

import java.util.List;
import java.util.Optional;
import org.mtalens.app.session.MarkedTokens;
import org.mtalens.runtime.analysis.HeadKernel;
import org.mtalens.runtime.analysis.MapDifference;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.model.WeightEdits;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.PooledMap;
import org.mtalens.viz.HeadMixing;
import org.mtalens.viz.Kernel;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.PadKey;
import org.mtalens.viz.TokenRange;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.ValueSummary;
import org.mtalens.viz.grid.PooledMatrix;

/** The one place where runtime results become viz's input records. */
public final class VizAdapter {
    private VizAdapter() {
    }

    /** An attention map as a causal matrix labelled with the tokens. Scores and pre-softmax stages are signed. */
    public static Matrix matrix(AttentionMap map, List<String> tokenLabels) {
        return new Matrix(title(map), map.tokens(), map.tokens(), map.values(), tokenLabels, tokenLabels, kind(map), true);
    }

    /**
     * As {@link #matrix(AttentionMap, List)}, written into the values of {@code released} when it has the same size:
     * the matrix a view showed until now and lets go (it must not be read again), so a view going through the heads
     * of a layer allocates nothing (at T=2048 each map is 16.8 MB of fresh memory otherwise).
     */
    public static Matrix matrix(AttentionMap map, List<String> tokenLabels, Matrix released) {
        if (released == null || released.rows() != map.tokens() || released.columns() != map.tokens()) {
            return matrix(map, tokenLabels);
        }
        map.copyTo(released.values());
        return new Matrix(title(map), map.tokens(), map.tokens(), released.values(), tokenLabels, tokenLabels, kind(map), true);
    }

    private static ValueKind kind(AttentionMap map) {
        return map.stage().isAfterSoftmax() ? ValueKind.WEIGHT : ValueKind.SIGNED;
    }

    private static String title(AttentionMap map) {
        return "layer " + map.layer() + " · head " + map.head() + " · " + map.stage().id();
    }

    /** A pooled map (a grid thumbnail) with the summary of the whole map it was pooled from (for shared scales). */
    public static PooledMatrix pooled(PooledMap map, ValueSummary original) {
        return new PooledMatrix(map.tokens(), map.size(), map.values(), true, original);
    }

    /** The difference of two runs' maps of one head (changed minus reference) as a signed causal matrix. */
    public static Matrix difference(MapDifference difference, String what, List<String> tokenLabels) {
        AttentionMap map = difference.reference();
        String title = "layer " + map.layer() + " · head " + map.head() + " · " + map.stage().id() + " · " + what;
        return new Matrix(title, map.tokens(), map.tokens(), difference.values(), tokenLabels, tokenLabels,
                ValueKind.SIGNED, true);
    }

    /** @return the marked tokens as viz's range, or null */
    public static TokenRange tokenRange(MarkedTokens marked) {
        return marked == null ? null : new TokenRange(marked.from(), marked.to(), marked.label());
    }

    /** @return the layer's key-query kernels before ({@code afterSoftmax} false) or after softmax, if it has them */
    public static Optional<Kernel> kernel(Checkpoint checkpoint, int layer, boolean afterSoftmax) {
        return kernel(checkpoint, WeightEdits.none(), layer, afterSoftmax);
    }

    /** @return as {@link #kernel(Checkpoint, int, boolean)}, with {@code edits} over the checkpoint's values (what the run used) */
    public static Optional<Kernel> kernel(Checkpoint checkpoint, WeightEdits edits, int layer, boolean afterSoftmax) {
        LayerPlan plan = checkpoint.config().layerPlan(layer);
        if (afterSoftmax ? plan.postSoftmaxConv().isEmpty() : plan.preSoftmaxConv().isEmpty()) {
            return Optional.empty();
        }
        String name = "layers." + layer + ".attention." + (afterSoftmax ? "mta_kernel_after_sm" : "mta_kernel");
        Tensor tensor = checkpoint.tensor(name);
        long[] shape = tensor.shape(); // [H, 1, c_q, c_k]
        String title = "layer " + layer + " · " + (afterSoftmax ? Stage.POST_SM_CONV.id() : Stage.PRE_SM_CONV.id()) + " kernel";
        return Optional.of(new Kernel(title, (int) shape[0], (int) shape[2], (int) shape[3], edited(checkpoint, edits, name),
                PadKey.parse(checkpoint.config().mta().padKey().id())));
    }

    /** @return one head's key-query kernel as a single-head viz kernel titled {@code title} */
    public static Kernel kernel(String title, HeadKernel kernel) {
        return new Kernel(title, 1, kernel.queryTaps(), kernel.keyTaps(), kernel.values(),
                PadKey.parse(kernel.padKey().id()));
    }

    /** @return the layer's head mixing ({@code wpsm}, {@code head_kernel} or {@code wposm}), if it has one */
    public static Optional<HeadMixing> headMixing(Checkpoint checkpoint, int layer, boolean afterSoftmax) {
        return headMixing(checkpoint, WeightEdits.none(), layer, afterSoftmax);
    }

    /** @return as {@link #headMixing(Checkpoint, int, boolean)}, with {@code edits} over the checkpoint's values */
    public static Optional<HeadMixing> headMixing(Checkpoint checkpoint, WeightEdits edits, int layer, boolean afterSoftmax) {
        LayerPlan plan = checkpoint.config().layerPlan(layer);
        String prefix = "layers." + layer + ".attention.";
        int heads = checkpoint.config().nHeads();
        if (!afterSoftmax) {
            return plan.preSoftmaxHeadMix()
                    ? Optional.of(HeadMixing.linear("layer " + layer + " · wpsm (before softmax)", heads,
                    edited(checkpoint, edits, prefix + "wpsm.weight"))) : Optional.empty();
        }
        if (plan.headConvSize().isPresent()) {
            int size = plan.headConvSize().get();
            return Optional.of(HeadMixing.headKernel("layer " + layer + " · head_kernel (after softmax)", heads / size, size,
                    edited(checkpoint, edits, prefix + "head_kernel")));
        }
        return plan.postSoftmaxHeadMix()
                ? Optional.of(HeadMixing.linear("layer " + layer + " · wposm (after softmax)", heads,
                edited(checkpoint, edits, prefix + "wposm.weight"))) : Optional.empty();
    }

    /** @return the values of tensor {@code key} with the edits of its slices written over them */
    private static float[] edited(Checkpoint checkpoint, WeightEdits edits, String key) {
        float[] values = checkpoint.tensor(key).toFloatArray();
        edits.list().stream().filter(edit -> edit.tensorKey().equals(key)).forEach(edit -> edit.applyTo(values));
        return values;
    }
}
