package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.mtalens.runtime.config.PadKey;

/**
 * The key-query convolution for inference on the CPU, in plain Java over the causal triangle only:
 * the same result as {@link KeyQueryConvolution#withTorch} on keys <= query, with future entries 0.
 * It reads the input map in place (no copy out of PyTorch) and writes straight into the new array's
 * memory; the B*H maps are convolved in parallel on as many threads as PyTorch uses.
 * Legend: B batch, H heads, T tokens, c_q x c_k the kernel.
 */
final class CausalKeyQueryConv {
    private CausalKeyQueryConv() {
    }

    /**
     * @return whether this convolution can stand in for PyTorch's: fp32 maps and kernel on the CPU, and
     *         neither needs a gradient (training keeps the differentiable PyTorch path), unless
     *         {@value CpuMaps#TORCH_PROPERTY} is set
     */
    static boolean handles(NDArray maps, NDArray kernel) {
        return CpuMaps.javaMayCompute(maps, kernel);
    }

    /**
     * @param maps   [B, H, T, T] fp32 on the CPU; entries with key > query are taken as 0
     * @param kernel [H, 1, c_q, c_k]
     * @return [B, H, T, T] a new array on {@code maps}' manager: the convolved maps, future entries 0
     */
    static NDArray apply(NDArray maps, NDArray kernel, PadKey padKey) {
        NDArray out = maps.getManager().create(maps.getShape(), DataType.FLOAT32); // uninitialised: every entry is written
        convolveInto(maps, kernel, padKey, 0, out);
        return out;
    }

    /**
     * As {@link #apply}, written over {@code maps}' own memory (each input row is copied before its output
     * row is written): no new 4-byte-per-cell array, hence no page faults for one. {@code maps} must be
     * contiguous, as every fresh result of an operation is.
     *
     * @param maps       [B, H, R, S] a block of query rows: queries firstQuery..firstQuery+R-1 over keys 0..S-1
     * @param firstQuery the query of row 0 (0 for whole maps); rows before it are taken as 0
     * @return {@code maps}, now holding the convolved maps
     */
    static NDArray applyInPlace(NDArray maps, NDArray kernel, PadKey padKey, int firstQuery) {
        convolveInto(maps, kernel, padKey, firstQuery, maps);
        return maps;
    }

    private static void convolveInto(NDArray maps, NDArray kernel, PadKey padKey, int firstQuery, NDArray out) {
        Shape shape = maps.getShape();
        int heads = (int) shape.get(1);
        int rows = (int) shape.get(2);
        int keys = (int) shape.get(3);
        Shape k = kernel.getShape();
        int queryTaps = (int) k.get(2);
        int keyTaps = (int) k.get(3);
        float[] kernels = kernel.toFloatArray(); // [H * c_q * c_k]
        int taps = queryTaps * keyTaps;
        float[][] headKernels = IntStream.range(0, heads)
                .mapToObj(h -> Arrays.copyOfRange(kernels, h * taps, (h + 1) * taps)).toArray(float[][]::new);
        FloatBuffer in = CpuMaps.floats(maps);
        FloatBuffer target = out == maps ? in : CpuMaps.floats(out);
        int cells = rows * keys;
        ThreadLocal<CausalMapConvolver> convolvers = ThreadLocal.withInitial(
                () -> new CausalMapConvolver(rows, keys, firstQuery, queryTaps, keyTaps, padKey.leftPadding(keyTaps)));
        CpuMaps.forEach((int) (shape.get(0) * heads), map ->
                convolvers.get().convolve(in, target, map * cells, headKernels[map % heads]));
    }
}
