package org.mtalens.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.mtalens.runtime.config.PadKey;

/**
 * Times the key-query convolution alone on the CPU: the Java causal-triangle path against PyTorch's
 * depthwise conv2d, on one random causal map stack [1, H, T, T] with a random [H, 1, c_q, c_k] kernel
 * (pad_key both). Medians of {@code repeats} timed runs after one warm-up run each.
 */
public final class ConvolutionBenchmark {
    /**
     * @param javaMs        median time of the Java path into a new array
     * @param inPlaceMs     median time of the Java path over the input's memory (what the forward pass runs)
     * @param torchMs       median time of PyTorch's conv2d (padding included, as the forward pass runs it)
     * @param maxDifference the largest |java - torch| over past keys (a sanity check, not a test)
     */
    public record Result(int T, int heads, int queryTaps, int keyTaps, double javaMs, double inPlaceMs, double torchMs, double maxDifference) {
        /** @return the causal multiply-adds the convolution needs, counted as 2 FLOPs each, per ms of the in-place Java path */
        public double inPlaceCausalGflops() {
            return 2.0 * heads * queryTaps * keyTaps * (double) T * (T + 1) / 2 / inPlaceMs / 1e6;
        }
    }

    private ConvolutionBenchmark() {
    }

    /**
     * @param tokens  T, the maps' side
     * @param heads   H
     * @param repeats timed runs per path (the median is kept)
     * @return the three timings and the largest difference between the Java and PyTorch results
     */
    public static Result run(int tokens, int heads, int queryTaps, int keyTaps, int repeats) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray maps = manager.randomUniform(-1f, 1f, new Shape(1, heads, tokens, tokens)); // [1, H, T, T]
            try (NDArray keep = new BlockMask(manager, new QueryBlock(0, 0, tokens), 1f).keep()) {
                maps.muli(keep); // future entries 0, as the forward pass hands them over
            }
            NDArray kernel = manager.randomUniform(-1f, 1f, new Shape(heads, 1, queryTaps, keyTaps)); // [H, 1, c_q, c_k]
            double javaMs = median(repeats, () -> time(maps, kernel, CausalKeyQueryConv::apply));
            double inPlaceMs = median(repeats, () -> {
                try (NDArray copy = maps.duplicate()) {
                    return time(copy, kernel, (m, k, p) -> CausalKeyQueryConv.applyInPlace(m, k, p, 0));
                }
            });
            double torchMs = median(repeats, () -> time(maps, kernel, KeyQueryConvolution::withTorch));
            double difference;
            try (NDArray java = CausalKeyQueryConv.apply(maps, kernel, PadKey.BOTH);
                 NDArray torch = KeyQueryConvolution.withTorch(maps, kernel, PadKey.BOTH)) {
                float[] gap = java.sub(torch).abs().toFloatArray();
                BlockMask.zeroFuture(gap, tokens);
                difference = 0;
                for (float g : gap) {
                    difference = Math.max(difference, g);
                }
            }
            return new Result(tokens, heads, queryTaps, keyTaps, javaMs, inPlaceMs, torchMs, difference);
        }
    }

    private interface Convolution {
        NDArray apply(NDArray maps, NDArray kernel, PadKey padKey);
    }

    private static double time(NDArray maps, NDArray kernel, Convolution convolution) {
        long start = System.nanoTime();
        NDArray out = convolution.apply(maps, kernel, PadKey.BOTH);
        double ms = (System.nanoTime() - start) / 1e6;
        if (out != maps) {
            out.close();
        }
        return ms;
    }

    private static double median(int repeats, java.util.function.DoubleSupplier run) {
        run.getAsDouble(); // warm-up
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            ms[i] = run.getAsDouble();
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }
}
