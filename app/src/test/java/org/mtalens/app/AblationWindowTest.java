package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtalens.app.testing.TinyAppWindow;
import org.mtalens.app.testing.Snapshots;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.Ablation;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.heatmap.HeatmapView;
import org.testfx.util.WaitForAsyncUtils;

/** Live ablation in the real window, on the official "tiny" fixture (layer 1 has MTA), headless. */
class AblationWindowTest extends TinyAppWindow {
    @BeforeEach
    void openTheAblationTab() throws Exception {
        robot.interact(() -> {
            app.view().centre().getSelectionModel().select(4);
            vm().stageProperty().set(Stage.PRE_SM_CONV);
        });
    }

    private Matrix shown(String id) {
        return robot.lookup("#" + id).queryAs(HeatmapView.class).getMatrix();
    }

    private void tick(String id) throws Exception {
        robot.clickOn("#" + id);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm().busyProperty().get()
                && app.comparison().comparedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void switchingOffOneHeadsKernelRunsItAsTheIdentityAndShowsTheMapChange() throws Exception {
        assertThat(robot.lookup("#ablation-summary").queryAs(Label.class).getText()).startsWith("Tick a part");

        tick("off-L1-head0-pre_sm_conv");

        assertThat(app.comparison().ablationProperty().get().toString()).isEqualTo("L1.head0.pre_sm_conv");
        assertThat(robot.lookup("#off-L1-head0-pre_sm_conv").queryAs(CheckBox.class).isSelected()).isTrue();
        // the identity kernel passes head 0's scores through unchanged: the ablated pre_sm_conv map is the scores map
        AttentionMap scores = vm().map(Stage.SCORES).orElseThrow();
        Matrix ablated = shown("ablation-ablated");
        Matrix intact = shown("ablation-intact");
        Matrix difference = shown("ablation-difference");
        int t = scores.tokens();
        double largest = 0;
        for (int q = 0; q < t; q++) {
            for (int k = 0; k <= q; k++) {
                assertThat(ablated.value(q, k)).isCloseTo(scores.value(q, k), within(1e-5f));
                assertThat(difference.value(q, k)).isCloseTo(ablated.value(q, k) - intact.value(q, k), within(1e-6f));
                largest = Math.max(largest, Math.abs(difference.value(q, k)));
            }
        }
        assertThat(largest).as("the learned kernel is not the identity, so the map changed").isGreaterThan(1e-3);
        assertThat(intact.value(t - 1, 2)).isEqualTo(vm().map(Stage.PRE_SM_CONV).orElseThrow().value(t - 1, 2));

        TableView<?> nextTokens = robot.lookup("#ablation-next-tokens").queryAs(TableView.class);
        assertThat(nextTokens.getItems()).hasSizeBetween(5, 10);
        String kl = robot.lookup("#ablation-kl").queryAs(Label.class).getText();
        assertThat(kl).contains("query " + (t - 1)).contains("KL(intact || ablated)");
        robot.interact(() -> Snapshots.write(nextTokens.getScene(), "ablation-one-kernel"));

        // the other heads' pre-softmax convolutions are depthwise: head 1's map does not change at all
        robot.interact(() -> vm().headProperty().set(1));
        Matrix otherHead = shown("ablation-difference");
        for (int q = 0; q < t; q++) {
            for (int k = 0; k <= q; k++) {
                assertThat(otherHead.value(q, k)).isZero();
            }
        }
    }

    @Test
    void switchingEverythingBackOnGivesTheIntactMapsAgain() throws Exception {
        tick("off-L1-pre_sm_conv");
        assertThat(app.comparison().ablationProperty().get().toString()).isEqualTo("L1.pre_sm_conv");
        assertThat(robot.lookup("#ablation-summary").queryAs(Label.class).getText())
                .contains("skips pre_sm_conv, so final maps are compared");

        robot.clickOn("#ablation-all-on");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm().busyProperty().get()
                && Ablation.none().equals(app.comparison().ablationProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#off-L1-pre_sm_conv").queryAs(CheckBox.class).isSelected()).isFalse();
        float[] difference = shown("ablation-difference").values();
        for (float d : difference) {
            assertThat(d).isZero();
        }
    }
}
