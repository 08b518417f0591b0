package org.mtalens.runtime.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.PadKey;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.runtime.model.WeightEdits;

/**
 * Explains cells of the MTA stages from a run's captured maps and the kernels it ran (the checkpoint's, or edited): the
 * c_q x c_k neighbourhood a key-query kernel saw and each tap's contribution, or each source head's
 * contribution to a head mixing. Reads the maps {@link #inputs} names from a {@link MapSource}.
 */
public final class CellExplainer {
    private final Checkpoint checkpoint;
    private final MapSource maps;
    private final WeightEdits edits;

    /** Where the explainer reads the maps of a layer's stages. */
    @FunctionalInterface
    public interface MapSource {
        /** @return one head's map at one stage of one layer, if the source has it */
        Optional<AttentionMap> map(int layer, Stage stage, int head);
    }

    /** Explains from a run that captured the input stages. */
    public CellExplainer(Checkpoint checkpoint, RunResult result) {
        this(checkpoint, result::map);
    }

    public CellExplainer(Checkpoint checkpoint, MapSource maps) {
        this(checkpoint, maps, WeightEdits.none());
    }

    /** Explains a run with {@code edits}' weights over the checkpoint's (its kernels are the edited ones). */
    public CellExplainer(Checkpoint checkpoint, MapSource maps, WeightEdits edits) {
        this.checkpoint = checkpoint;
        this.maps = maps;
        this.edits = edits;
    }

    /** @return the values of tensor {@code key} as the run used them: the checkpoint's, with the edits written over */
    private float[] weights(String key) {
        float[] values = checkpoint.tensor(key).toFloatArray();
        edits.list().stream().filter(e -> e.tensorKey().equals(key)).forEach(e -> e.applyTo(values));
        return values;
    }

    /**
     * @return the maps an explanation of {@code stage} of {@code head} reads: its input stage for the head itself
     *         (a key-query convolution), its group (head convolution) or every head (linear head mixing); empty
     *         for stages that mix nothing
     */
    public static Optional<MapQuery> inputs(LayerPlan plan, Stage stage, int head, int heads) {
        List<Stage> stages = plan.stages();
        int at = stages.indexOf(stage);
        if (at <= 0 || stage == Stage.SOFTMAX || stage == Stage.FINAL) {
            return Optional.empty();
        }
        Stage input = stages.get(at - 1);
        return Optional.of(switch (stage) {
            case PRE_SM_CONV, POST_SM_CONV -> new MapQuery(java.util.Set.of(input), java.util.Set.of(head));
            case POST_SM_HEAD_CONV -> {
                int size = plan.headConvSize().orElse(1);
                java.util.Set<Integer> group = new java.util.HashSet<>();
                for (int h = head / size * size; h < (head / size + 1) * size; h++) {
                    group.add(h);
                }
                yield new MapQuery(java.util.Set.of(input), group);
            }
            default -> new MapQuery(java.util.Set.of(input), java.util.Set.of());
        });
    }

    /** @return the explanation, or empty for stages that mix nothing (scores, softmax, final) or future cells */
    public Optional<CellExplanation> explain(int layer, Stage stage, int head, int query, int key) {
        if (key > query) {
            return Optional.empty();
        }
        LayerPlan plan = checkpoint.config().layerPlan(layer);
        List<Stage> stages = plan.stages();
        int at = stages.indexOf(stage);
        if (at <= 0 || stage == Stage.SOFTMAX || stage == Stage.FINAL) {
            return Optional.empty();
        }
        Stage input = stages.get(at - 1);
        String prefix = "layers." + layer + ".attention.";
        List<Contribution> terms = switch (stage) {
            case PRE_SM_CONV -> convolution(layer, input, head, query, key, prefix + "mta_kernel");
            case POST_SM_CONV -> convolution(layer, input, head, query, key, prefix + "mta_kernel_after_sm");
            case PRE_SM_HEAD_MIX -> linearMix(layer, input, head, query, key, prefix + "wpsm.weight");
            case POST_SM_HEAD_MIX -> linearMix(layer, input, head, query, key, prefix + "wposm.weight");
            case POST_SM_HEAD_CONV -> groupMix(layer, input, head, query, key, prefix + "head_kernel");
            default -> List.of();
        };
        List<Contribution> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.value())));
        float value = map(layer, stage, head).value(query, key);
        return Optional.of(new CellExplanation(layer, stage, input, head, query, key, value, sorted));
    }

    private List<Contribution> convolution(int layer, Stage input, int head, int query, int key, String kernelName) {
        var tensor = checkpoint.tensor(kernelName);
        long[] shape = tensor.shape(); // [H, 1, c_q, c_k]
        int queryTaps = (int) shape[2];
        int keyTaps = (int) shape[3];
        float[] kernel = weights(kernelName);
        PadKey padKey = checkpoint.config().mta().padKey();
        int left = padKey.leftPadding(keyTaps);
        AttentionMap source = map(layer, input, head);
        int t = source.tokens();
        List<Contribution> terms = new ArrayList<>();
        for (int a = 0; a < queryTaps; a++) {
            for (int b = 0; b < keyTaps; b++) {
                int q = query - (queryTaps - 1) + a;
                int k = key - left + b;
                boolean inside = q >= 0 && q < t && k >= 0 && k < t && k <= q;
                float in = inside ? source.value(q, k) : 0f;
                float w = kernel[(head * queryTaps + a) * keyTaps + b];
                String what = String.format("query %+d, key %+d", q - query, k - key);
                terms.add(new Contribution(what, q, k, head, in, w));
            }
        }
        return terms;
    }

    private List<Contribution> linearMix(int layer, Stage input, int head, int query, int key, String matrixName) {
        float[] matrix = weights(matrixName); // [H, H] destination x source
        int heads = checkpoint.config().nHeads();
        List<Contribution> terms = new ArrayList<>();
        for (int source = 0; source < heads; source++) {
            float in = map(layer, input, source).value(query, key);
            terms.add(new Contribution("from head " + source, query, key, source, in, matrix[head * heads + source]));
        }
        return terms;
    }

    private List<Contribution> groupMix(int layer, Stage input, int head, int query, int key, String kernelName) {
        var tensor = checkpoint.tensor(kernelName);
        int size = (int) tensor.shape()[1]; // [G, c, c] group x source x destination
        float[] kernel = weights(kernelName);
        int group = head / size;
        int destination = head % size;
        List<Contribution> terms = new ArrayList<>();
        for (int m = 0; m < size; m++) {
            int source = group * size + m;
            float in = map(layer, input, source).value(query, key);
            float w = kernel[(group * size + m) * size + destination];
            terms.add(new Contribution("from head " + source, query, key, source, in, w));
        }
        return terms;
    }

    private AttentionMap map(int layer, Stage stage, int head) {
        return maps.map(layer, stage, head).orElseThrow(() -> new InvalidInputException(
                "layer " + layer + " " + stage.id() + " head " + head + " was not captured; run with every head and stage"));
    }
}
