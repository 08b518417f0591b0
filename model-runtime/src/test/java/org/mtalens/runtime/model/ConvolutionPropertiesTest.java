package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.mtalens.runtime.config.PadKey;

/**
 * The fast DJL forms of MTA's key-query convolution and head mixing equal plain loops written from
 * the official convention, for random shapes, kernel sizes, pad_key modes and lengths T in 1..64.
 * Legend: B batch, H heads, T tokens, G head groups of c heads.
 */
class ConvolutionPropertiesTest {
    private static final Offset<Float> TOLERANCE = Offset.offset(1e-4f);

    @Property(tries = 50)
    void torchKeyQueryConvolutionEqualsTheLoopReference(@ForAll @IntRange(min = 1, max = 2) int batch,
                                                   @ForAll @IntRange(min = 1, max = 4) int heads,
                                                   @ForAll @IntRange(min = 1, max = 64) int tokens,
                                                   @ForAll @IntRange(min = 1, max = 6) int queryTaps,
                                                   @ForAll @IntRange(min = 1, max = 7) int keyTaps,
                                                   @ForAll PadKey padKey, @ForAll long seed) {
        int ck = padKey == PadKey.BOTH && keyTaps % 2 == 0 ? keyTaps - 1 : keyTaps; // both sides: odd kernels only
        Random random = new Random(seed);
        float[] maps = values(random, batch * heads * tokens * tokens);
        float[] kernel = values(random, heads * queryTaps * ck);

        float[] fast;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray in = manager.create(maps, new Shape(batch, heads, tokens, tokens));
            NDArray k = manager.create(kernel, new Shape(heads, 1, queryTaps, ck));
            fast = KeyQueryConvolution.withTorch(in, k, padKey).toFloatArray();
        }

        float[] loop = convolutionReference(maps, kernel, batch, heads, tokens, queryTaps, ck, padKey.leftPadding(ck));
        assertClose(fast, loop);
    }

    @Property(tries = 80)
    void javaCausalConvolutionEqualsTheLoopReferenceAndTorchOnPastKeysAndIsZeroOnFutureKeys(
            @ForAll @IntRange(min = 1, max = 2) int batch, @ForAll @IntRange(min = 1, max = 4) int heads,
            @ForAll @IntRange(min = 1, max = 64) int tokens, @ForAll @IntRange(min = 1, max = 7) int queryTaps,
            @ForAll @IntRange(min = 1, max = 12) int keyTaps, @ForAll PadKey padKey, @ForAll long seed) {
        int ck = padKey == PadKey.BOTH && keyTaps % 2 == 0 ? keyTaps - 1 : keyTaps; // both sides: odd kernels only
        Random random = new Random(seed);
        float[] maps = values(random, batch * heads * tokens * tokens);
        BlockMask.zeroFuture(maps, tokens); // as the forward pass hands them over: future entries 0
        float[] kernel = values(random, heads * queryTaps * ck);

        float[] java;
        float[] torch;
        float[] inPlace;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray in = manager.create(maps, new Shape(batch, heads, tokens, tokens));
            NDArray k = manager.create(kernel, new Shape(heads, 1, queryTaps, ck));
            assertThat(CausalKeyQueryConv.handles(in, k)).as("inference on the CPU takes the Java path").isTrue();
            java = KeyQueryConvolution.apply(in, k, padKey).toFloatArray();
            torch = KeyQueryConvolution.withTorch(in, k, padKey).toFloatArray();
            inPlace = KeyQueryConvolution.replacing(in, k, padKey, null, 0).toFloatArray(); // the forward pass's form
            assertThat(in.toFloatArray()).as("the Java path reuses the input's memory").containsExactly(inPlace);
        }
        assertThat(inPlace).as("in place gives the same maps").containsExactly(java);

        float[] loop = convolutionReference(maps, kernel, batch, heads, tokens, queryTaps, ck, padKey.leftPadding(ck));
        float[] javaFuture = java.clone();
        BlockMask.zeroFuture(loop, tokens);
        BlockMask.zeroFuture(torch, tokens);
        BlockMask.zeroFuture(java, tokens);
        assertThat(javaFuture).as("future entries are 0").containsExactly(java);
        assertClose(java, loop);
        assertClose(java, torch);
    }

    @Property(tries = 60)
    void aBlockOfQueryRowsWithItsHaloConvolvesLikeTheWholeMapOnBothPaths(
            @ForAll @IntRange(min = 2, max = 48) int tokens, @ForAll @IntRange(min = 1, max = 5) int queryTaps,
            @ForAll @IntRange(min = 1, max = 7) int keyTaps, @ForAll PadKey padKey,
            @ForAll @IntRange(min = 0, max = 47) int firstWanted, @ForAll long seed) {
        int ck = padKey == PadKey.BOTH && keyTaps % 2 == 0 ? keyTaps - 1 : keyTaps;
        int first = firstWanted % tokens;
        int haloStart = Math.max(0, first - (queryTaps - 1));
        int end = Math.min(tokens, first + 1 + new Random(seed).nextInt(tokens - first));
        Random random = new Random(seed);
        int heads = 2;
        float[] maps = values(random, heads * tokens * tokens);
        BlockMask.zeroFuture(maps, tokens);
        float[] kernel = values(random, heads * queryTaps * ck);
        float[] whole = convolutionReference(maps, kernel, 1, heads, tokens, queryTaps, ck, padKey.leftPadding(ck));
        int rows = end - haloStart;
        float[] block = new float[heads * rows * end]; // [1, H, R, S]: queries haloStart..end-1 over keys 0..end-1
        for (int h = 0; h < heads; h++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(maps, (h * tokens + haloStart + r) * tokens, block, (h * rows + r) * end, end);
            }
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray k = manager.create(kernel, new Shape(heads, 1, queryTaps, ck));
            NDArray keep = new BlockMask(manager, new QueryBlock(haloStart, first, end), 1f).keep();
            float[] java = KeyQueryConvolution.replacing(manager.create(block, new Shape(1, heads, rows, end)), k, padKey,
                    null, haloStart).toFloatArray();
            float[] torch;
            System.setProperty(CpuMaps.TORCH_PROPERTY, "true");
            try {
                torch = KeyQueryConvolution.replacing(manager.create(block, new Shape(1, heads, rows, end)), k, padKey,
                        keep, haloStart).toFloatArray();
            } finally {
                System.clearProperty(CpuMaps.TORCH_PROPERTY);
            }
            for (int h = 0; h < heads; h++) {
                for (int q = first; q < end; q++) {
                    for (int key = 0; key <= q; key++) {
                        float expected = whole[(h * tokens + q) * tokens + key];
                        int at = (h * rows + q - haloStart) * end + key;
                        assertThat((double) java[at]).as("java h%d q%d k%d", h, q, key).isCloseTo(expected, Offset.offset(1e-4));
                        assertThat((double) torch[at]).as("torch h%d q%d k%d", h, q, key).isCloseTo(expected, Offset.offset(1e-4));
                    }
                    for (int key = q + 1; key < end; key++) {
                        assertThat(java[(h * rows + q - haloStart) * end + key]).as("future key").isZero();
                    }
                }
            }
        }
    }

    @Property(tries = 20)
    void convolutionThatNeedsAGradientKeepsTheTorchPath(@ForAll @IntRange(min = 1, max = 16) int tokens,
                                                        @ForAll boolean kernelNeedsGradient) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray in = manager.ones(new Shape(1, 2, tokens, tokens));
            NDArray k = manager.ones(new Shape(2, 1, 2, 3));
            (kernelNeedsGradient ? k : in).setRequiresGradient(true);
            assertThat(CausalKeyQueryConv.handles(in, k)).isFalse();
        }
    }

    /** out[b,h,i,j] = sum_{a,c} K[h,a,c] * in[b,h, i-(cq-1)+a, j-left+c], zero outside the map. */
    private static float[] convolutionReference(float[] in, float[] kernel, int batch, int heads, int t, int cq, int ck,
                                                int left) {
        float[] out = new float[in.length];
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                int map = (b * heads + h) * t * t;
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < t; j++) {
                        double sum = 0;
                        for (int a = 0; a < cq; a++) {
                            for (int c = 0; c < ck; c++) {
                                int q = i - (cq - 1) + a;
                                int k = j - left + c;
                                if (q >= 0 && q < t && k >= 0 && k < t) {
                                    sum += kernel[(h * cq + a) * ck + c] * in[map + q * t + k];
                                }
                            }
                        }
                        out[map + i * t + j] = (float) sum;
                    }
                }
            }
        }
        return out;
    }

    @Property(tries = 50)
    void linearHeadMixingEqualsTheLoopReference(@ForAll @IntRange(min = 1, max = 2) int batch,
                                                @ForAll @IntRange(min = 1, max = 8) int heads,
                                                @ForAll @IntRange(min = 1, max = 64) int tokens, @ForAll long seed) {
        Random random = new Random(seed);
        float[] maps = values(random, batch * heads * tokens * tokens);
        float[] matrix = values(random, heads * heads);

        float[] fast;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray in = manager.create(maps, new Shape(batch, heads, tokens, tokens));
            fast = HeadMixing.linear(in, manager.create(matrix, new Shape(heads, heads))).toFloatArray();
        }

        int cells = tokens * tokens;
        float[] loop = new float[maps.length];
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                for (int cell = 0; cell < cells; cell++) {
                    double sum = 0;
                    for (int m = 0; m < heads; m++) {
                        sum += matrix[h * heads + m] * maps[(b * heads + m) * cells + cell]; // new[h] = sum_m W[h,m] old[m]
                    }
                    loop[(b * heads + h) * cells + cell] = (float) sum;
                }
            }
        }
        assertClose(fast, loop);
    }

    @Property(tries = 50)
    void groupedHeadConvolutionEqualsTheLoopReference(@ForAll @IntRange(min = 1, max = 2) int batch,
                                                      @ForAll @IntRange(min = 1, max = 4) int groups,
                                                      @ForAll @IntRange(min = 1, max = 4) int groupSize,
                                                      @ForAll @IntRange(min = 1, max = 64) int tokens, @ForAll long seed) {
        int heads = groups * groupSize;
        Random random = new Random(seed);
        float[] maps = values(random, batch * heads * tokens * tokens);
        float[] kernel = values(random, groups * groupSize * groupSize);

        float[] fast;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray in = manager.create(maps, new Shape(batch, heads, tokens, tokens));
            NDArray k = manager.create(kernel, new Shape(groups, groupSize, groupSize));
            fast = HeadMixing.groupConvolution(in, k).toFloatArray();
        }

        int cells = tokens * tokens;
        float[] loop = new float[maps.length];
        for (int b = 0; b < batch; b++) {
            for (int g = 0; g < groups; g++) {
                for (int j = 0; j < groupSize; j++) {
                    for (int cell = 0; cell < cells; cell++) {
                        double sum = 0;
                        for (int m = 0; m < groupSize; m++) { // new[g*c+j] = sum_m HK[g,m,j] old[g*c+m]
                            sum += kernel[(g * groupSize + m) * groupSize + j] * maps[(b * heads + g * groupSize + m) * cells + cell];
                        }
                        loop[(b * heads + g * groupSize + j) * cells + cell] = (float) sum;
                    }
                }
            }
        }
        assertClose(fast, loop);
    }

    @Property(tries = 50)
    void javaHeadConvolutionInPlaceEqualsTheLoopReferenceAndKeepsFutureEntriesZero(
            @ForAll @IntRange(min = 1, max = 2) int batch, @ForAll @IntRange(min = 1, max = 4) int groups,
            @ForAll @IntRange(min = 1, max = 4) int groupSize, @ForAll @IntRange(min = 1, max = 70) int tokens,
            @ForAll long seed) {
        int heads = groups * groupSize;
        Random random = new Random(seed);
        float[] maps = values(random, batch * heads * tokens * tokens);
        BlockMask.zeroFuture(maps, tokens); // weights after softmax: future entries 0
        float[] kernel = values(random, groups * groupSize * groupSize);

        float[] java;
        float[] torch;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray in = manager.create(maps, new Shape(batch, heads, tokens, tokens));
            NDArray k = manager.create(kernel, new Shape(groups, groupSize, groupSize));
            torch = HeadMixing.groupConvolution(in, k).toFloatArray();
            assertThat(CausalHeadConv.handles(in, k)).as("inference on the CPU takes the Java path").isTrue();
            NDArray mixed = HeadMixing.groupConvolutionReplacing(in, k, 0);
            assertThat(mixed).as("mixed in place").isSameAs(in);
            java = mixed.toFloatArray();
        }
        float[] future = java.clone();
        BlockMask.zeroFuture(future, tokens);
        assertThat(java).as("future entries stay 0").containsExactly(future);
        assertClose(java, torch);
    }

    private static float[] values(Random random, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], TOLERANCE);
        }
    }
}
