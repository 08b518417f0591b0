package org.mtalens.runtime.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.ModelConfigReader;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.MapCapture;
import org.mtalens.runtime.model.MtaTransformer;
import org.mtalens.runtime.model.StageSink;

/**
 * Measures the forward pass of an MTA model of the paper's shape scaled to fit (dim 1024, 8 layers,
 * 16 heads, 6x11 key-query kernels before and after softmax on layers 2 and 6, head convolution c_h=2
 * on every layer, group norm and gate), and the same model without MTA, on random weights.
 */
public final class ForwardBenchmark {
    /** The benchmark model's arguments (config.json form). */
    static final String MTA_CONFIG = """
            {"name": "bench-mta", "dim": 1024, "n_layers": 8, "n_heads": 16, "vocab_size": 32000, "max_seqlen": 4096,
             "multiple_of": 256, "rope_theta": 500000.0,
             "mta": {"use_mta": true, "query_kernel_size": 6, "key_kernel_size": 11, "pad_key": "both",
                     "after_sm_query_kernel_size": 6, "after_sm_key_kernel_size": 11, "mta_layers": "2,6",
                     "head_kernel_size": 2, "group_norm": true, "add_gating": true, "gate_1d": true}}
            """;

    private final Device device;
    private final int repeats;

    public ForwardBenchmark(Device device, int repeats) {
        this.device = device;
        this.repeats = repeats;
    }

    /** The figures of one run; times in milliseconds, medians over the repeats. */
    public record Result(int T, double tokensPerS, double gflops, double matmulPeakGflops, double forwardMs,
                         double baselineForwardMs, double captureForwardMs, long captureBytes, double mtaLayerMs,
                         double plainLayerMs, Map<String, Double> stageMs, int cores, String device) {
    }

    /** @return the benchmark's MTA model arguments, parsed */
    static ModelConfig mtaConfig() {
        return ModelConfigReader.parseConfigJson(MTA_CONFIG, "forward benchmark config");
    }

    /** @return {@code tokens} random token ids of {@code config}'s vocabulary, the same for every run */
    static long[] randomTokens(ModelConfig config, int tokens) {
        return new java.util.Random(7).longs(tokens, 0, config.vocabSize()).toArray();
    }

    /** @param tokens T, the sequence length */
    public Result run(int tokens) {
        ModelConfig mta = mtaConfig();
        ModelConfig plain = mta.withoutMta();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            double peak = matmulPeakGflops(manager);
            MtaTransformer mtaModel = new MtaTransformer(mta, new RandomWeights(manager, mta));
            MtaTransformer plainModel = new MtaTransformer(plain, new RandomWeights(manager, plain));
            long[] ids = randomTokens(mta, tokens);

            double forward = median(() -> time(manager, mtaModel, ids, StageSink.NONE));
            double baseline = median(() -> time(manager, plainModel, ids, StageSink.NONE));
            StageTimer mtaTimer = new StageTimer(mta.nLayers());
            StageTimer plainTimer = new StageTimer(plain.nLayers());
            time(manager, mtaModel, ids, mtaTimer);
            time(manager, plainModel, ids, plainTimer);
            CaptureSelection oneLayer = CaptureSelection.of(Set.of(2), null, null);
            long captureBytes = org.mtalens.runtime.model.MemoryBudget.captureBytes(mta, oneLayer, tokens);
            double capture = median(() -> time(manager, mtaModel, ids, new MapCapture(oneLayer, false)));

            double mtaLayer = mean(mtaTimer.layerMillis(), mta.keyQueryConvLayers().stream().mapToInt(i -> i).toArray());
            double plainLayer = Arrays.stream(plainTimer.layerMillis()).average().orElse(0);
            Map<String, Double> stages = new LinkedHashMap<>();
            mtaTimer.stageMillis().forEach((stage, ms) -> stages.put(stage.id(), ms));
            double attributed = stages.values().stream().mapToDouble(d -> d).sum();
            stages.put("after_attention(PV,norm,gate,wo,ffn)", Arrays.stream(mtaTimer.layerMillis()).sum() - attributed);
            double gflops = flops(mta, tokens) / (forward / 1e3) / 1e9;
            return new Result(tokens, tokens / (forward / 1e3), gflops, peak, forward, baseline, capture, captureBytes,
                    mtaLayer, plainLayer, stages, Runtime.getRuntime().availableProcessors(), device.toString());
        }
    }

    /** @return milliseconds of one forward pass of {@code ids} through {@code model}, offering its stages to {@code sink} */
    static double time(NDManager parent, MtaTransformer model, long[] ids, StageSink sink) {
        try (NDManager manager = parent.newSubManager()) {
            NDArray tokens = manager.create(ids, new Shape(1, ids.length)); // [1, T]
            long start = System.nanoTime();
            NDArray logits = model.forward(manager, tokens, sink);
            logits.get(0, 0, 0).getFloat(); // wait for the device
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private double median(Supplier<Double> measurement) {
        measurement.get(); // warm-up
        double[] times = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            times[i] = measurement.get();
        }
        Arrays.sort(times);
        return times[repeats / 2];
    }

    private double matmulPeakGflops(NDManager parent) {
        int n = 2048;
        try (NDManager manager = parent.newSubManager()) {
            NDArray a = manager.randomNormal(0f, 1f, new Shape(n, n), DataType.FLOAT32);
            NDArray b = manager.randomNormal(0f, 1f, new Shape(n, n), DataType.FLOAT32);
            double ms = median(() -> {
                long start = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    c.get(0, 0).getFloat();
                }
                return (System.nanoTime() - start) / 1e6;
            });
            return 2.0 * n * n * n / (ms / 1e3) / 1e9;
        }
    }

    /** Floating-point operations of one forward pass (multiply-adds count 2), MTA convolutions included. */
    static double flops(ModelConfig c, int t) {
        double d = c.dim();
        double qo = 2.0 * c.nHeads() * c.headDim();
        double kv = 2.0 * c.nKvHeads() * c.headDim();
        double perLayer = 2 * t * d * (qo + kv) + 2 * 2 * (double) c.nHeads() * t * t * c.headDim()
                + 2 * 3 * t * d * c.ffnHiddenDim();
        double total = c.nLayers() * perLayer + 2 * t * d * c.vocabSize();
        for (var plan : c.layerPlans()) {
            double cells = (double) c.nHeads() * t * t;
            total += plan.preSoftmaxConv().map(k -> 2 * cells * k.queries() * k.keys()).orElse(0.0);
            total += plan.postSoftmaxConv().map(k -> 2 * cells * k.queries() * k.keys()).orElse(0.0);
            total += plan.headConvSize().map(h -> 2 * cells * h).orElse(0.0);
            total += plan.preSoftmaxHeadMix() || plan.postSoftmaxHeadMix() ? 2 * cells * c.nHeads() : 0;
        }
        return total;
    }

    private static double mean(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).average().orElse(0);
    }
}
