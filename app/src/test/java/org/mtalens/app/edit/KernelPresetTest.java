package org.mtalens.app.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mtalens.runtime.config.PadKey;

/** The presets' definitions for each pad_key: the current key is column c_k-1 (left) or 0 (right). */
class KernelPresetTest {
    @Test
    void withKeysPaddedOnTheLeftTheDiagonalAndTheNeighbourLieToTheLeftOfTheLastColumn() {
        assertThat(KernelPreset.SEQUENCE_MATCHER.values(true, 2, 4, PadKey.LEFT))
                .isDeepEqualTo(new float[][] {{0, 0, 1, 0}, {0, 0, 0, 1}});
        assertThat(KernelPreset.SHIFT_ONE_KEY.values(true, 2, 4, PadKey.LEFT))
                .isDeepEqualTo(new float[][] {{0, 0, 0, 0}, {0, 0, 1, 0}});
        assertThat(KernelPreset.EDGE_ALONG_KEYS.values(true, 2, 4, PadKey.LEFT))
                .isDeepEqualTo(new float[][] {{0, 0, 0, 0}, {0, 0, -1, 1}});
    }

    @Test
    void withKeysPaddedOnTheRightTheCurrentKeyIsColumnZeroAndTheNeighbourTheNextKey() {
        assertThat(KernelPreset.IDENTITY.values(true, 2, 3, PadKey.RIGHT)).isDeepEqualTo(new float[][] {{0, 0, 0}, {1, 0, 0}});
        assertThat(KernelPreset.SEQUENCE_MATCHER.values(true, 2, 3, PadKey.RIGHT))
                .as("no earlier key in the kernel: only the current tap").isDeepEqualTo(new float[][] {{0, 0, 0}, {1, 0, 0}});
        assertThat(KernelPreset.SHIFT_ONE_KEY.values(true, 2, 3, PadKey.RIGHT)).isDeepEqualTo(new float[][] {{0, 0, 0}, {0, 1, 0}});
        assertThat(KernelPreset.EDGE_ALONG_KEYS.values(true, 2, 3, PadKey.RIGHT)).isDeepEqualTo(new float[][] {{0, 0, 0}, {1, -1, 0}});
    }

    @Test
    void headMixingMatricesHaveIdentityZeroAndTheMeanOnly() {
        assertThat(KernelPreset.IDENTITY.values(false, 2, 2, PadKey.BOTH)).isDeepEqualTo(new float[][] {{1, 0}, {0, 1}});
        assertThat(KernelPreset.BOX_BLUR.values(false, 2, 2, PadKey.BOTH)).isDeepEqualTo(new float[][] {{0.5f, 0.5f}, {0.5f, 0.5f}});
        assertThat(KernelPreset.SHIFT_ONE_KEY.appliesTo(false, 2)).isFalse();
        assertThat(KernelPreset.EDGE_ALONG_KEYS.appliesTo(true, 1)).as("a one-key kernel has no neighbour").isFalse();
        assertThatThrownBy(() -> KernelPreset.SEQUENCE_MATCHER.values(false, 4, 4, PadKey.BOTH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
