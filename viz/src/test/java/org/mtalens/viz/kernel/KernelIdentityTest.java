package org.mtalens.viz.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.Kernel;
import org.mtalens.viz.PadKey;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class KernelIdentityTest {
    private KernelInspector inspector;

    /** Two heads of 2x3 taps: head 0 the identity for {@code pad}, head 1 the identity plus 0.3 and -0.4. */
    private static Kernel kernel(PadKey pad) {
        float[] v = new float[2 * 2 * 3];
        int identity = 3 + pad.leftPadding(3);
        v[identity] = 1;
        v[6 + identity] = 1;
        v[6] = 0.3f;
        v[6 + identity] += -0.4f;
        return new Kernel("layer 1 \u00b7 pre_sm_conv kernel", 2, 2, 3, v, pad);
    }

    @Start
    void start(Stage stage) {
        inspector = new KernelInspector(kernel(PadKey.LEFT));
        ScrollPane scroll = new ScrollPane(inspector);
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(scroll, 230, 400));
        stage.show();
    }

    @Test
    void theFramedIdentityTapIsTheCurrentQueryAtTheColumnOfKeyOffsetZeroForEachPadKey() {
        assertThat(KernelGrids.kernelHead(kernel(PadKey.BOTH), 0, null).markedColumn()).isEqualTo(1); // c_k//2
        assertThat(KernelGrids.kernelHead(kernel(PadKey.LEFT), 0, null).markedColumn()).isEqualTo(2); // last
        assertThat(KernelGrids.kernelHead(kernel(PadKey.RIGHT), 0, null).markedColumn()).isEqualTo(0); // first
        for (PadKey pad : PadKey.values()) {
            GridData d = KernelGrids.kernelHead(kernel(pad), 0, null);
            assertThat(d.markedRow()).isEqualTo(1);
            assertThat(d.value(d.markedRow(), d.markedColumn())).isEqualTo(1f);
        }
    }

    @Test
    void distancesFromTheIdentityAreMeasuredFromThatTapPerHeadAndPerLayer() {
        for (PadKey pad : PadKey.values()) {
            Kernel k = kernel(pad);
            assertThat(k.headDistanceFromIdentity(0)).isZero();
            assertThat(k.headDistanceFromIdentity(1)).isCloseTo(0.5, offset(1e-6));
            assertThat(k.layerDistanceFromIdentity()).isCloseTo(0.5, offset(1e-6));
        }
        assertThat(KernelInspector.distanceText(kernel(PadKey.RIGHT), 1))
                .isEqualTo("distance from identity: head 1 0.5000 \u00b7 layer (all 2 heads) 0.5000");
    }

    @Test
    void inANarrowPaneTheInspectorScrollsInsteadOfClippingItsParts(FxRobot robot) {
        robot.interact(() -> inspector.showHead(1));
        Button back = robot.lookup(".kernel-inspector .button").queryAs(Button.class);
        assertThat(back.getWidth()).isGreaterThanOrEqualTo(back.prefWidth(-1) - 0.5);
        ValueGrid grid = robot.lookup(".kernel-head").queryAs(ValueGrid.class);
        assertThat(grid.getWidth()).isGreaterThanOrEqualTo(grid.minWidth(-1) - 0.5);
        assertThat(inspector.getWidth()).isGreaterThanOrEqualTo(inspector.minWidth(-1) - 0.5);
        assertThat(inspector.distanceText()).contains("head 1 0.5000").contains("layer (all 2 heads)");
    }
}
