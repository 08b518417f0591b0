package org.mtalens.viz.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.TokenRange;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.testing.Snapshots;
import org.mtalens.viz.testing.SyntheticMaps;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ModelGridViewTest {
    private static final int T = 64;
    private ModelGridView grid;

    /** A map that is 0.1 everywhere it can be, except one cell of {@code peak}. */
    private static Matrix flatWithPeak(float peak) {
        float[] v = new float[T * T];
        for (int r = 0; r < T; r++) {
            for (int c = 0; c <= r; c++) {
                v[r * T + c] = 0.1f;
            }
        }
        v[40 * T + 3] = peak;
        var labels = Collections.nCopies(T, "t");
        return new Matrix("m", T, T, v, labels, labels, ValueKind.WEIGHT, true);
    }

    @Start
    void start(Stage stage) {
        grid = new ModelGridView();
        grid.setThumbnailSize(64);
        grid.setTokens(SyntheticMaps.tokens(T));
        grid.show("softmax", 4, 6, Set.of(1, 3), (layer, head) -> layer == 2 && head == 5 ? null
                : layer == 0 && head == 0 ? flatWithPeak(0.9f) : layer == 0 && head == 1 ? flatWithPeak(0.3f)
                : SyntheticMaps.weights("m", T, layer * 10L + head));
        stage.setScene(new Scene(grid, 720, 460));
        stage.show();
    }

    private void waitForAll() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> grid.readyProperty().get() == 24);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int pixel(FxRobot robot, String id, int x, int y) {
        ImageView view = robot.lookup(id + " .image-view").queryAs(ImageView.class);
        AtomicReference<Integer> argb = new AtomicReference<>();
        robot.interact(() -> argb.set(view.getImage().getPixelReader().getArgb(x, y)));
        return argb.get();
    }

    @Test
    void everyColumnOfThumbnailsHasAKeyAxisFromTheFirstToTheLastToken(FxRobot robot) {
        var tokens = SyntheticMaps.tokens(T);
        String expected = org.mtalens.viz.raster.LabelThinning.display(tokens.get(0), 8) + " \u2192 "
                + org.mtalens.viz.raster.LabelThinning.display(tokens.get(T - 1), 8);
        for (int head = 0; head < 6; head++) {
            assertThat(robot.lookup("#grid-key-axis-" + head).queryLabeled().getText()).isEqualTo(expected);
        }
        assertThat(robot.lookup("#grid-axes").queryLabeled().getText()).isEqualTo("query \u2193\nkey \u2192");
        robot.interact(() -> grid.setTokens(java.util.List.of("a", "b")));
        assertThat(robot.lookup("#grid-key-axis-0").queryLabeled().getText()).isEqualTo("a \u2192 b");
    }

    @Test
    void thumbnailsAppearInTheBackgroundAndAClickSelectsOne(FxRobot robot) throws Exception {
        waitForAll();
        AtomicReference<GridCell> told = new AtomicReference<>();
        robot.interact(() -> grid.addSelectionListener(told::set));

        robot.clickOn("#thumb-3-4");

        assertThat(told.get()).isEqualTo(new GridCell(3, 4));
        assertThat(robot.lookup("#thumb-3-4").query().getStyleClass()).contains("selected", "mta-layer");
        assertThat(robot.lookup("#thumb-0-4").query().getStyleClass()).doesNotContain("mta-layer");
        robot.interact(() -> Snapshots.write(grid, "model-grid-4x6"));
    }

    @Test
    void byDefaultEveryThumbnailSharesOneRangeSoEqualValuesHaveEqualColours(FxRobot robot) throws Exception {
        waitForAll();
        ColourScale first = grid.scaleOf(new GridCell(0, 0));
        assertThat(grid.scaleOf(new GridCell(0, 1))).isEqualTo(first);
        assertThat(grid.scaleOf(new GridCell(3, 2))).isEqualTo(first);
        assertThat(first.max()).isGreaterThanOrEqualTo(0.9f);
        // the 0.1 background of a map peaking at 0.9 and of one peaking at 0.3 look the same
        assertThat(pixel(robot, "#thumb-0-0", 10, 50)).isEqualTo(pixel(robot, "#thumb-0-1", 10, 50));
        assertThat(grid.legendProperty().get().sharedBy()).isEqualTo("all maps of the grid");
        assertThat(robot.lookup(".colour-bar-max").queryLabeled().getText()).startsWith("max ");

        robot.interact(() -> grid.scaleSpecProperty().set(ScaleSpec.PER_MAP));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(grid.scaleOf(new GridCell(0, 1)).max()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(pixel(robot, "#thumb-0-0", 10, 50)).isNotEqualTo(pixel(robot, "#thumb-0-1", 10, 50));
    }

    @Test
    void hoveringAThumbnailReadsItsLayerHeadTokensAndValue(FxRobot robot) throws Exception {
        waitForAll();
        robot.moveTo("#thumb-0-0");
        String text = grid.readoutText();
        assertThat(text).startsWith("layer 0 \u00b7 head 0 \u00b7 query ").contains("\u2192 key ").contains("value ");
    }

    @Test
    void theMarkedKeysAreABandOverTheSameColumnsOnEveryThumbnail(FxRobot robot) throws Exception {
        waitForAll();
        robot.interact(() -> grid.markedKeysProperty().set(new TokenRange(16, 32, "target block")));
        Rectangle band = robot.lookup("#thumb-1-2 .grid-marked-band").queryAs(Rectangle.class);
        assertThat(band.isVisible()).isTrue();
        assertThat(band.getX()).isEqualTo(2 + 16);
        assertThat(band.getWidth()).isEqualTo(16);
    }
}
