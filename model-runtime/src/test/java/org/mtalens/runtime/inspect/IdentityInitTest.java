package org.mtalens.runtime.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mtalens.runtime.analysis.HeadKernel;
import org.mtalens.runtime.analysis.KernelPattern;
import org.mtalens.runtime.analysis.KernelSnapshot;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.config.KernelShape;
import org.mtalens.runtime.config.PadKey;

/** inspect's distance, the series' per-head distance and the kernel pattern all measure from the pad_key's identity tap. */
class IdentityInitTest {
    private static final KernelShape SHAPE = new KernelShape(2, 4);

    /** @return one head's [c_q, c_k] kernel that is the identity for {@code padKey} */
    private static float[] identity(PadKey padKey) {
        float[] taps = new float[SHAPE.queries() * SHAPE.keys()];
        taps[SHAPE.identityTap(padKey)] = 1;
        return taps;
    }

    private static Tensor twoHeads(float[] head) {
        ByteBuffer bytes = ByteBuffer.allocate(2 * head.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int h = 0; h < 2; h++) {
            for (float v : head) {
                bytes.putFloat(v);
            }
        }
        return new Tensor("layers.0.attention.mta_kernel", new long[] {2, 1, SHAPE.queries(), SHAPE.keys()},
                DType.F32, bytes.flip());
    }

    @ParameterizedTest
    @EnumSource(PadKey.class)
    void theIdentityKernelForTheLayersPadKeyIsAtDistanceZeroEverywhere(PadKey padKey) {
        float[] taps = identity(padKey);
        assertThat(IdentityInit.distance("mta_kernel", twoHeads(taps), padKey)).isZero();
        KernelSnapshot snapshot = KernelSnapshot.of(new HeadKernel(SHAPE.queries(), SHAPE.keys(), padKey, taps));
        assertThat(snapshot.distanceFromIdentity()).isZero();
        assertThat(snapshot.pattern()).isEqualTo(KernelPattern.NEAR_IDENTITY);
    }

    @ParameterizedTest
    @EnumSource(value = PadKey.class, names = {"LEFT", "RIGHT"})
    void theMiddleColumnIsNotTheIdentityWhenKeysArePaddedOnOneSide(PadKey padKey) {
        float[] middle = new float[SHAPE.queries() * SHAPE.keys()];
        middle[SHAPE.identityRow() * SHAPE.keys() + SHAPE.keys() / 2] = 1;
        // two misplaced taps of 1: sqrt(2) per head, sqrt(4) for the layer's two heads
        assertThat(IdentityInit.distance("mta_kernel", twoHeads(middle), padKey)).isCloseTo(2, within(1e-9));
        assertThat(KernelSnapshot.of(new HeadKernel(SHAPE.queries(), SHAPE.keys(), padKey, middle))
                .distanceFromIdentity()).isCloseTo(Math.sqrt(2), within(1e-9));
    }
}
