package org.mtalens.viz.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.export.PngExport;
import org.mtalens.viz.raster.Viewport;
import org.mtalens.viz.testing.Snapshots;
import org.mtalens.viz.testing.SyntheticMaps;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HeatmapViewTest {
    private static final int T = 12;
    private HeatmapView view;
    private Matrix map;

    @Start
    void start(Stage stage) {
        map = SyntheticMaps.weights("layer 1 · head 2 · softmax", T, 7);
        view = new HeatmapView(map);
        stage.setScene(new Scene(view, 560, 520));
        stage.show();
    }

    /** Moves the mouse to the centre of cell (row, column), in screen coordinates. */
    private void hover(FxRobot robot, int row, int column) {
        robot.moveTo(cellCentreOnScreen(row, column));
    }

    private javafx.geometry.Point2D cellCentreOnScreen(int row, int column) {
        AtomicReference<javafx.geometry.Point2D> p = new AtomicReference<>();
        org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(2000, () -> {
            Viewport v = view.getViewport();
            javafx.scene.Node plot = view.lookup(".heatmap-plot");
            p.set(plot.localToScreen(v.xOf(column + 0.5), v.yOf(row + 0.5)));
        });
        return p.get();
    }

    @Test
    void hoveringACellShowsQueryTokenKeyTokenValueAndStage(FxRobot robot) {
        hover(robot, 3, 1);

        String text = view.hoverTextProperty().get();
        assertThat(text).contains("query 3 \"\u2423sat\"").contains("key 1 \"The\"")
                .contains(String.format(java.util.Locale.ROOT, "value %.4f", map.value(3, 1)))
                .contains("softmax");
        assertThat(robot.lookup(".heatmap-tooltip").queryLabeled().isVisible()).isTrue();
        assertThat(view.hoverCellProperty().get()).isEqualTo(new Cell(3, 1));
    }

    @Test
    void hoveringAFutureCellSaysItIsMasked(FxRobot robot) {
        hover(robot, 2, 9);

        assertThat(view.hoverTextProperty().get()).contains("masked (future key)");
    }

    @Test
    void movingTheMouseOverTheMapRedrawsTheOverlayButNeverTheMap(FxRobot robot) {
        hover(robot, 1, 1);
        long before = view.renderCount();
        for (int i = 2; i < 10; i++) {
            hover(robot, i, i / 2);
        }
        assertThat(view.hoverCellProperty().get()).isEqualTo(new Cell(9, 4));
        assertThat(view.renderCount()).isEqualTo(before);
    }

    @Test
    void theWheelZoomsAboutTheMouseOneWayAndBackTheOther(FxRobot robot) {
        double fit = view.getViewport().pixelsPerCell();
        robot.clickOn(cellCentreOnScreen(6, 6));
        robot.type(KeyCode.PLUS, 3);
        double zoomed = view.getViewport().pixelsPerCell();
        assertThat(zoomed).isGreaterThan(fit * 1.9);

        robot.scroll(2, VerticalDirection.UP);
        double wheeled = view.getViewport().pixelsPerCell();
        assertThat(wheeled).isNotCloseTo(zoomed, org.assertj.core.data.Offset.offset(zoomed * 0.2));
        robot.scroll(2, VerticalDirection.DOWN);
        assertThat(view.getViewport().pixelsPerCell()).isCloseTo(zoomed, org.assertj.core.data.Offset.offset(1e-6));

        robot.type(KeyCode.MINUS);
        assertThat(view.getViewport().pixelsPerCell()).isLessThan(zoomed);
        robot.type(KeyCode.DIGIT0);
        assertThat(view.getViewport().pixelsPerCell()).isEqualTo(fit);
    }

    @Test
    void plusKeyZoomsAndDraggingPansTheMap(FxRobot robot) {
        double fit = view.getViewport().pixelsPerCell();
        robot.clickOn(view.lookup(".heatmap-plot"));
        robot.type(KeyCode.PLUS, 4);
        assertThat(view.getViewport().pixelsPerCell()).isCloseTo(fit * Math.pow(1.25, 4),
                org.assertj.core.data.Offset.offset(1e-6));
        Viewport zoomed = view.getViewport();

        robot.drag(cellCentreOnScreen(6, 6)).dropBy(-60, -40);
        Viewport panned = view.getViewport();
        assertThat(panned.column0()).isGreaterThan(zoomed.column0());
        assertThat(panned.row0()).isGreaterThan(zoomed.row0());
    }

    @Test
    void clickingACellSelectsItAndTellsTheListener(FxRobot robot) {
        AtomicReference<Cell> told = new AtomicReference<>();
        robot.interact(() -> view.addSelectionListener(told::set));
        robot.clickOn(cellCentreOnScreen(7, 3));

        assertThat(told.get()).isEqualTo(new Cell(7, 3));
        assertThat(view.selectedCellProperty().get()).isEqualTo(new Cell(7, 3));
    }

    @Test
    void exportsAPngAtTwiceTheSizeWithTheHighlightedToken(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.highlightToken(5);
            view.selectedCellProperty().set(new Cell(9, 8));
        });
        hover(robot, 3, 1);
        AtomicReference<Path> png = new AtomicReference<>();
        robot.interact(() -> {
            Snapshots.write(view, "heatmap-t12");
            try {
                png.set(PngExport.write(view, 2, Path.of(System.getProperty("mtalens.test.outputDir", "target"),
                        "snapshots", "heatmap-t12-x2.png")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage image = ImageIO.read(Files.newInputStream(png.get()));
        assertThat(image.getWidth()).isEqualTo(2 * 560);
    }
}
