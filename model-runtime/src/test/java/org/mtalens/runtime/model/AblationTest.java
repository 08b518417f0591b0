package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.ModelConfig;

class AblationTest {
    /** tiny: layer 0 has pre_sm_head_mix and post_sm_head_conv; layer 1 also both convolutions; 4 heads. */
    private static final ModelConfig TINY = OfficialReferenceTest.safetensors("tiny").config();

    @Test
    void layerPartsHeadKernelsAndWholeHeadsParse() {
        Ablation ablation = Ablation.parse(" L1.pre_sm_conv, L1.head2.post_sm_conv,L0.gate,l0.head3,L0.post_sm_head_conv", TINY);
        assertThat(ablation.layerOff(1, AblatedPart.PRE_SM_CONV)).isTrue();
        assertThat(ablation.layerOff(0, AblatedPart.PRE_SM_HEAD_MIX)).isFalse();
        assertThat(ablation.layerOff(0, AblatedPart.GATE)).isTrue();
        assertThat(ablation.layerOff(0, AblatedPart.POST_SM_HEAD_MIX)).as("post_sm_head_conv is the same part").isTrue();
        assertThat(ablation.headsOff(1, AblatedPart.POST_SM_CONV)).containsExactly(2);
        assertThat(ablation.headsOff(1, AblatedPart.PRE_SM_CONV)).isEmpty();
        assertThat(ablation.headsOff(0, AblatedPart.HEAD)).containsExactly(3);
        assertThat(ablation.toString()).isEqualTo("L0.post_sm_head_mix,L0.gate,L0.head3,L1.pre_sm_conv,L1.head2.post_sm_conv");
    }

    @Test
    void aBlankListIsNoAblation() {
        assertThat(Ablation.parse(" ", TINY)).isEqualTo(Ablation.none());
        assertThat(Ablation.none().isNone()).isTrue();
    }

    @Test
    void anUnknownPartIsNamedWithTheItem() {
        assertThatThrownBy(() -> Ablation.parse("L1.pre_sm_conv,L1.convolution", TINY))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'L1.convolution'").hasMessageContaining("unknown part 'convolution'");
    }

    @Test
    void aLayerOrHeadOutOfRangeIsNamedWithTheRange() {
        assertThatThrownBy(() -> Ablation.parse("L2.gate", TINY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'L2.gate'").hasMessageContaining("0..1");
        assertThatThrownBy(() -> Ablation.parse("L1.head4.pre_sm_conv", TINY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'L1.head4.pre_sm_conv'")
                .hasMessageContaining("head 4 is out of range 0..3");
    }

    @Test
    void aPartTheLayerDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> Ablation.parse("L0.pre_sm_conv", TINY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'L0.pre_sm_conv'")
                .hasMessageContaining("layer 0 has no pre_sm_conv");
        assertThatThrownBy(() -> Ablation.parse("L0.head1.post_sm_conv", TINY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("layer 0 has no post_sm_conv");
    }

    @Test
    void badSyntaxAndPerLayerOnlyPartsOnAHeadAreRefused() {
        assertThatThrownBy(() -> Ablation.parse("layer1.gate", TINY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'layer1.gate' is not L<layer>");
        assertThatThrownBy(() -> Ablation.parse("L1.head0.gate", TINY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'L1.head0.gate'")
                .hasMessageContaining("only pre_sm_conv or post_sm_conv");
    }

    @Test
    void aRunnerRefusesAnAblationBuiltForAnotherModel() {
        Ablation ablation = new Ablation(Set.of(new Ablation.Item(0, Optional.empty(), AblatedPart.PRE_SM_CONV)));
        assertThatThrownBy(() -> ablation.validateFor(TINY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("layer 0 has no pre_sm_conv");
    }
}
