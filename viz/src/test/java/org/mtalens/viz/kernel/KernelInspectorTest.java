package org.mtalens.viz.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.HeadMixing;
import org.mtalens.viz.Kernel;
import org.mtalens.viz.PadKey;
import org.mtalens.viz.colour.ColourBar;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.Scale;
import org.mtalens.viz.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class KernelInspectorTest {
    private KernelInspector inspector;
    private HeadMixingView wpsm;
    private HeadMixingView headKernel;
    private ColourBar logBar;

    /** Identity-like kernels: 1 at the identity tap plus small noise, as after MTA initialisation and training. */
    static Kernel kernel(int heads, int cq, int ck, PadKey pad) {
        Random random = new Random(9);
        float[] v = new float[heads * cq * ck];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.15);
        }
        for (int h = 0; h < heads; h++) {
            v[(h * cq + cq - 1) * ck + pad.leftPadding(ck)] = 1f - 0.1f * h;
        }
        return new Kernel("layer 1 · pre_sm_conv kernel", heads, cq, ck, v, pad);
    }

    @Start
    void start(Stage stage) {
        inspector = new KernelInspector(kernel(4, 3, 5, PadKey.BOTH));
        wpsm = new HeadMixingView(HeadMixing.linear("layer 1 · wpsm", 4, new float[] {
            0.9f, 0.1f, 0f, -0.2f, 0.05f, 1.1f, 0.3f, 0f, 0f, -0.4f, 0.8f, 0.1f, 0.2f, 0f, 0f, 1f}));
        headKernel = new HeadMixingView(HeadMixing.headKernel("layer 1 · head_kernel", 2, 2,
                new float[] {1f, 0.2f, -0.3f, 0.9f, 0.7f, 0f, 0.4f, 1.2f}));
        logBar = new ColourBar(ColourScale.forKind(org.mtalens.viz.ValueKind.WEIGHT, 1, Scale.LOG));
        stage.setScene(new Scene(new VBox(inspector, wpsm, headKernel), 760, 900));
        stage.show();
    }

    @Test
    void clickingAHeadEnlargesItAndClickingItAgainShowsAllHeads(FxRobot robot) {
        assertThat(robot.lookup(".kernel-head").queryAll()).hasSize(4);
        robot.interact(() -> {
            Snapshots.write(inspector, "kernel-inspector-all-heads");
            Snapshots.write(wpsm, "head-mixing-wpsm");
            Snapshots.write(headKernel, "head-mixing-head-kernel");
            new Scene(new VBox(logBar), 90, 260);
            Snapshots.write(logBar, "colour-bar-log");
        });

        robot.clickOn(robot.lookup(".kernel-head").nth(2).queryAs(ValueGrid.class));
        assertThat(inspector.shownHeadProperty().get()).isEqualTo(2);
        assertThat(robot.lookup(".kernel-head").queryAll()).hasSize(1);
        assertThat(robot.lookup(".kernel-head").queryAs(ValueGrid.class).getData().title()).isEqualTo("head 2");
        robot.interact(() -> Snapshots.write(inspector, "kernel-inspector-head-2"));

        robot.clickOn(robot.lookup(".kernel-head").queryAs(ValueGrid.class));
        assertThat(inspector.shownHeadProperty().get()).isEqualTo(KernelInspector.ALL_HEADS);
        assertThat(robot.lookup(".kernel-head").queryAll()).hasSize(4);
    }

    @Test
    void theEnlargedHeadMarksTheIdentityTapAtTheCurrentQueryAndKeyOffsetZero(FxRobot robot) {
        robot.interact(() -> inspector.showHead(1));
        GridData d = robot.lookup(".kernel-head").queryAs(ValueGrid.class).getData();
        assertThat(d.rowLabels().get(d.markedRow())).isEqualTo("0");
        assertThat(d.columnLabels().get(d.markedColumn())).isEqualTo("0");
        assertThat(d.value(d.markedRow(), d.markedColumn())).isEqualTo(0.9f);
    }
}
