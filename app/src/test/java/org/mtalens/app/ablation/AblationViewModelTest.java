package org.mtalens.app.ablation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.SessionLoader;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AblatedPart;
import org.mtalens.runtime.model.Ablation;

/** The ablation view model over the real runtime, with work run at once (no window). */
class AblationViewModelTest {
    private final Executor now = Runnable::run;
    private MainViewModel main;
    private AblationViewModel vm;

    @AfterEach
    void close() {
        if (main != null && main.sessionProperty().get() != null) {
            main.sessionProperty().get().close();
        }
    }

    private void open(String fixture) {
        main = new MainViewModel(SessionLoader.runtime(), now, now);
        vm = new AblationViewModel(new org.mtalens.app.compare.ComparisonViewModel(main, SessionLoader.runtime()));
        main.open(TestCheckpoints.fixture(fixture));
    }

    @Test
    void eachLayerOffersExactlyThePartsItRuns() {
        open("tiny"); // layer 0: head mixing only; layer 1: key-query convolutions too
        assertThat(vm.layerParts(0)).containsExactly(AblatedPart.PRE_SM_HEAD_MIX, AblatedPart.POST_SM_HEAD_MIX,
                AblatedPart.GROUP_NORM, AblatedPart.GATE);
        assertThat(vm.layerParts(1)).containsExactly(AblatedPart.PRE_SM_CONV, AblatedPart.POST_SM_CONV,
                AblatedPart.PRE_SM_HEAD_MIX, AblatedPart.POST_SM_HEAD_MIX, AblatedPart.GROUP_NORM, AblatedPart.GATE);
        assertThat(vm.headParts(0)).containsExactly(AblatedPart.HEAD);
        assertThat(vm.headParts(1)).containsExactly(AblatedPart.PRE_SM_CONV, AblatedPart.POST_SM_CONV, AblatedPart.HEAD);
    }

    @Test
    void aPlainModelOffersOnlyWholeHeads() {
        open("tiny-plain-gqa");
        assertThat(vm.layerParts(0)).doesNotContain(AblatedPart.PRE_SM_CONV, AblatedPart.POST_SM_CONV,
                AblatedPart.PRE_SM_HEAD_MIX, AblatedPart.POST_SM_HEAD_MIX);
        assertThat(vm.headParts(0)).containsExactly(AblatedPart.HEAD);
    }

    @Test
    void switchesAddUpAndSwitchingOneBackOnKeepsTheOthers() {
        open("tiny");
        Ablation.Item conv = new Ablation.Item(1, Optional.empty(), AblatedPart.PRE_SM_CONV);
        Ablation.Item head = new Ablation.Item(1, Optional.of(2), AblatedPart.HEAD);
        vm.switchOff(conv, true);
        vm.switchOff(head, true);
        assertThat(vm.comparison().ablationProperty().get().toString()).isEqualTo("L1.pre_sm_conv,L1.head2");
        assertThat(vm.comparison().ablationTextProperty().get()).isEqualTo("L1.pre_sm_conv,L1.head2");

        vm.switchOff(conv, false);
        assertThat(vm.isOff(head)).isTrue();
        assertThat(vm.isOff(conv)).isFalse();
        // head 2 is zeroed: its final map in the ablated run is all 0, and the difference is minus the intact map
        main.headProperty().set(2);
        main.stageProperty().set(Stage.FINAL);
        var difference = vm.differenceProperty().get();
        float[] ablated = difference.changed().values();
        float[] intact = difference.reference().values();
        float[] d = difference.values();
        for (int i = 0; i < d.length; i++) {
            assertThat(Math.abs(ablated[i])).isEqualTo(0f); // 0 or -0: weights times 0
            assertThat(d[i]).isEqualTo(-intact[i]);
        }
    }

    @Test
    void theNextTokenIsComparedAfterTheSelectedQueryElseTheLastPosition() {
        open("tiny");
        vm.switchOff(new Ablation.Item(1, Optional.empty(), AblatedPart.GATE), true);
        assertThat(vm.nextTokenProperty().get().position()).isEqualTo(23);
        main.cellProperty().set(new MainViewModel.SelectedCell(7, 3));
        assertThat(vm.nextTokenProperty().get().position()).isEqualTo(7);
        assertThat(vm.nextTokenProperty().get().klDivergence()).isPositive();
    }

    @Test
    void openingAnotherCheckpointForgetsTheAblation() {
        open("tiny");
        vm.switchOff(new Ablation.Item(1, Optional.empty(), AblatedPart.GATE), true);
        main.open(TestCheckpoints.fixture("tiny-linear-heads"));
        assertThat(vm.comparison().ablationProperty().get()).isNull();
        assertThat(vm.ablation().isNone()).isTrue();
        assertThat(vm.differenceProperty().get()).isNull();
    }
}
