package org.mtalens.runtime.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model arguments of a checkpoint: the official {@code LMTransformerArgs} with its nested
 * {@code mta} arguments, heads resolved ({@code head_dim}, {@code n_heads}, {@code n_kv_heads} are
 * never null here). Read with {@link ModelConfigReader}; that validates every field.
 */
public record ModelConfig(
        @JsonProperty("name") String name,
        @JsonProperty("dim") int dim,
        @JsonProperty("n_layers") int nLayers,
        @JsonProperty("head_dim") int headDim,
        @JsonProperty("n_heads") int nHeads,
        @JsonProperty("n_kv_heads") int nKvHeads,
        @JsonProperty("ffn_dim_multiplier") Double ffnDimMultiplier,
        @JsonProperty("multiple_of") int multipleOf,
        @JsonProperty("norm_eps") double normEps,
        @JsonProperty("rope_theta") double ropeTheta,
        @JsonProperty("max_seqlen") int maxSeqlen,
        @JsonProperty("vocab_size") int vocabSize,
        @JsonProperty("weight_tying") boolean weightTying,
        @JsonProperty("sliding_window") Integer slidingWindow,
        @JsonProperty("seed") long seed,
        @JsonProperty("dropout") double dropout,
        @JsonProperty("mta") MtaConfig mta,
        @JsonProperty("tokenizer") TokenizerSpec tokenizer) {

    /** The FFN hidden size as the official (lingua) {@code FeedForward} computes it from 4 x dim. */
    @JsonProperty("ffn_hidden_dim")
    public int ffnHiddenDim() {
        int hidden = (int) (2.0 * (4 * dim) / 3);
        if (ffnDimMultiplier != null) {
            hidden = (int) (ffnDimMultiplier * hidden);
        }
        return multipleOf * ((hidden + multipleOf - 1) / multipleOf);
    }

    /** @return true when the output head reuses the token embedding ({@code output.tied_module.weight}) */
    @JsonIgnore
    public boolean isOutputTied() {
        return weightTying;
    }

    /** @return the layers with key-query convolution (official {@code mta_layers}); empty when MTA is off */
    @JsonIgnore
    public List<Integer> keyQueryConvLayers() {
        if (!mta.useMta()) {
            return List.of();
        }
        return mta.mtaLayers().orElseGet(() -> {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < nLayers; i++) {
                all.add(i);
            }
            return all;
        });
    }

    /** The per-layer stage plan, exactly as the official {@code BaseTransformer} builds its blocks. */
    @JsonIgnore
    public List<LayerPlan> layerPlans() {
        List<Integer> convLayers = keyQueryConvLayers();
        List<LayerPlan> plans = new ArrayList<>(nLayers);
        for (int layer = 0; layer < nLayers; layer++) {
            plans.add(layerPlan(layer, convLayers.contains(layer)));
        }
        return List.copyOf(plans);
    }

    /** @return the plan of one layer */
    public LayerPlan layerPlan(int layer) {
        return layerPlan(layer, keyQueryConvLayers().contains(layer));
    }

    private LayerPlan layerPlan(int layer, boolean keyQueryConv) {
        boolean mtaPath = mta.useMta() && (keyQueryConv || mta.mixesHeads());
        if (!mtaPath) {
            return new LayerPlan(layer, false, Optional.empty(), false, Optional.empty(), Optional.empty(), false,
                    mta.groupNorm(), mta.addGating());
        }
        return new LayerPlan(layer, true,
                keyQueryConv ? mta.preSoftmaxKernel() : Optional.empty(),
                mta.preSmLinearHead(),
                keyQueryConv ? mta.postSoftmaxKernel() : Optional.empty(),
                Optional.ofNullable(mta.headKernelSize()),
                mta.headKernelSize() == null && mta.postSmLinearHead(),
                mta.groupNorm(), mta.addGating());
    }

    /** @return a copy with MTA switched off: every layer plain attention, same other weights */
    public ModelConfig withoutMta() {
        return new ModelConfig(name, dim, nLayers, headDim, nHeads, nKvHeads, ffnDimMultiplier, multipleOf, normEps,
                ropeTheta, maxSeqlen, vocabSize, weightTying, slidingWindow, seed, dropout, mta.withoutMta(), tokenizer);
    }

    /** Every tensor a state dict for this config must hold, with its shape, in a stable order. */
    @JsonIgnore
    public Map<String, long[]> expectedTensorShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("tok_embeddings.weight", new long[] {vocabSize, dim});
        for (LayerPlan plan : layerPlans()) {
            String p = "layers." + plan.layer() + ".";
            shapes.put(p + "attention.wq.weight", new long[] {(long) nHeads * headDim, dim});
            shapes.put(p + "attention.wk.weight", new long[] {(long) nKvHeads * headDim, dim});
            shapes.put(p + "attention.wv.weight", new long[] {(long) nKvHeads * headDim, dim});
            shapes.put(p + "attention.wo.weight", new long[] {dim, (long) nHeads * headDim});
            plan.preSoftmaxConv().ifPresent(k ->
                    shapes.put(p + "attention.mta_kernel", new long[] {nHeads, 1, k.queries(), k.keys()}));
            if (plan.preSoftmaxHeadMix()) {
                shapes.put(p + "attention.wpsm.weight", new long[] {nHeads, nHeads});
            }
            plan.postSoftmaxConv().ifPresent(k ->
                    shapes.put(p + "attention.mta_kernel_after_sm", new long[] {nHeads, 1, k.queries(), k.keys()}));
            plan.headConvSize().ifPresent(c ->
                    shapes.put(p + "attention.head_kernel", new long[] {nHeads / c, c, c}));
            if (plan.postSoftmaxHeadMix()) {
                shapes.put(p + "attention.wposm.weight", new long[] {nHeads, nHeads});
            }
            if (plan.groupNorm()) {
                shapes.put(p + "attention.subln.weight", new long[] {headDim});
            }
            if (plan.gate()) {
                int out = mta.gate1d() ? 1 : headDim;
                shapes.put(p + "attention.gate.weight", new long[] {out, headDim});
                shapes.put(p + "attention.gate.bias", new long[] {out});
            }
            shapes.put(p + "attention_norm.weight", new long[] {dim});
            shapes.put(p + "feed_forward.w1.weight", new long[] {ffnHiddenDim(), dim});
            shapes.put(p + "feed_forward.w2.weight", new long[] {dim, ffnHiddenDim()});
            shapes.put(p + "feed_forward.w3.weight", new long[] {ffnHiddenDim(), dim});
            shapes.put(p + "ffn_norm.weight", new long[] {dim});
        }
        shapes.put("norm.weight", new long[] {dim});
        shapes.put(weightTying ? "output.tied_module.weight" : "output.weight", new long[] {vocabSize, dim});
        return shapes;
    }
}
