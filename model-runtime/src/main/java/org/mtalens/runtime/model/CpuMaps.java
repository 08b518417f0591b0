package org.mtalens.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * What the Java paths of MTA's map operations ({@link CausalKeyQueryConv}, {@link CausalHeadConv}) share:
 * when they may stand in for PyTorch, direct access to an array's memory, and the threads they run on.
 */
final class CpuMaps {
    /** System property: {@code true} keeps PyTorch for every map operation (to compare both in one setup). */
    static final String TORCH_PROPERTY = "mtalens.conv.torch";

    private static final class Pool {
        static final ForkJoinPool INSTANCE = new ForkJoinPool(threads());
    }

    private CpuMaps() {
    }

    /**
     * @return whether Java may compute {@code maps} [B, H, T, T] with {@code weight}: both fp32 on the CPU,
     *         neither needs a gradient (training keeps PyTorch's differentiable operations), {@code maps} fits
     *         one buffer, and {@value #TORCH_PROPERTY} is not set
     */
    static boolean javaMayCompute(NDArray maps, NDArray weight) {
        return !Boolean.getBoolean(TORCH_PROPERTY) && Device.cpu().equals(maps.getDevice())
                && Device.cpu().equals(weight.getDevice()) && maps.getDataType() == DataType.FLOAT32
                && weight.getDataType() == DataType.FLOAT32 && maps.getShape().dimension() == 4
                && maps.size() <= Integer.MAX_VALUE / Float.BYTES && !maps.hasGradient() && !weight.hasGradient();
    }

    /**
     * @return the array's own memory as floats (no copy; valid while the array is open). DJL hands out a
     *         contiguous copy for an array on another device or with strides, so writes through the buffer
     *         reach the array only when it is a contiguous CPU array, as every fresh result of an operation is.
     */
    static FloatBuffer floats(NDArray array) {
        return array.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** Runs {@code task} for 0..count-1 in parallel on as many threads as PyTorch uses, and waits. */
    static void forEach(int count, java.util.function.IntConsumer task) {
        Pool.INSTANCE.submit(() -> IntStream.range(0, count).parallel().forEach(task)).join();
    }

    private static int threads() {
        try {
            return Math.max(1, ai.djl.pytorch.jni.JniUtils.getNumThreads());
        } catch (RuntimeException | LinkageError e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
