package org.mtalens.runtime.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.mtalens.runtime.analysis.HeadKernel;
import org.mtalens.runtime.analysis.LayerKernels;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;

/** A layer's key-query kernels (one matrix per head) and head mixings (one matrix each), as the page shows them. */
final class LayerMatrices {
    private static final String TO_HEAD = "to head";
    private static final String FROM_HEAD = "from head";

    private LayerMatrices() {
    }

    /** @return the layer's matrices in forward order: pre-softmax kernels, wpsm, post-softmax kernels, head mixing */
    static List<PageMatrix> of(Checkpoint checkpoint, int layer) {
        LayerPlan plan = checkpoint.config().layerPlan(layer);
        String prefix = "layers." + layer + ".attention.";
        int heads = checkpoint.config().nHeads();
        List<PageMatrix> matrices = new ArrayList<>();
        if (plan.preSoftmaxConv().isPresent()) {
            matrices.addAll(kernels(checkpoint, layer, Stage.PRE_SM_CONV, "mta_kernel"));
        }
        if (plan.preSoftmaxHeadMix()) {
            matrices.add(mixing(layer, Stage.PRE_SM_HEAD_MIX, "wpsm", heads, checkpoint.tensor(prefix + "wpsm.weight").toFloatArray()));
        }
        if (plan.postSoftmaxConv().isPresent()) {
            matrices.addAll(kernels(checkpoint, layer, Stage.POST_SM_CONV, "mta_kernel_after_sm"));
        }
        plan.headConvSize().ifPresent(size -> matrices.add(mixing(layer, Stage.POST_SM_HEAD_CONV, "head_kernel", heads,
                groupsAsFullMatrix(heads, size, checkpoint.tensor(prefix + "head_kernel").toFloatArray()))));
        if (plan.postSoftmaxHeadMix()) {
            matrices.add(mixing(layer, Stage.POST_SM_HEAD_MIX, "wposm", heads, checkpoint.tensor(prefix + "wposm.weight").toFloatArray()));
        }
        return matrices;
    }

    private static List<PageMatrix> kernels(Checkpoint checkpoint, int layer, Stage stage, String tensor) {
        List<HeadKernel> kernels = LayerKernels.read(checkpoint, layer, tensor);
        List<PageMatrix> matrices = new ArrayList<>();
        for (int head = 0; head < kernels.size(); head++) {
            HeadKernel k = kernels.get(head);
            matrices.add(new PageMatrix(stage.id(), "layer " + layer + " · " + stage.id() + " kernel (" + tensor + ") · head " + head,
                    head, "query offset", "key offset", offsets(k.queryTaps(), k::queryOffset), offsets(k.keyTaps(), k::keyOffset),
                    new int[] {k.queryTaps() - 1, k.currentKeyColumn()}, k.values()));
        }
        return matrices;
    }

    /** @param dstBySrc [H, H] indexed [destination, source] */
    private static PageMatrix mixing(int layer, Stage stage, String tensor, int heads, float[] dstBySrc) {
        List<String> names = IntStream.range(0, heads).mapToObj(Integer::toString).toList();
        return new PageMatrix(stage.id(), "layer " + layer + " · " + stage.id() + " (" + tensor + ")", -1, TO_HEAD, FROM_HEAD,
                names, names, null, dstBySrc);
    }

    /**
     * @param groupSrcDst {@code head_kernel} [G, c, c] indexed [group, source, destination]
     * @return [H, H] indexed [destination, source]; NaN between heads of different groups
     */
    static float[] groupsAsFullMatrix(int heads, int groupSize, float[] groupSrcDst) {
        float[] dstBySrc = new float[heads * heads];
        Arrays.fill(dstBySrc, Float.NaN);
        for (int group = 0; group < heads / groupSize; group++) {
            for (int src = 0; src < groupSize; src++) {
                for (int dst = 0; dst < groupSize; dst++) {
                    int base = group * groupSize;
                    dstBySrc[(base + dst) * heads + base + src] = groupSrcDst[(group * groupSize + src) * groupSize + dst];
                }
            }
        }
        return dstBySrc;
    }

    private static List<String> offsets(int taps, java.util.function.IntUnaryOperator offset) {
        return IntStream.range(0, taps).map(offset).mapToObj(o -> o > 0 ? "+" + o : Integer.toString(o)).toList();
    }
}
