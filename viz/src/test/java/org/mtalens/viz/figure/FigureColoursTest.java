package org.mtalens.viz.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.grid.ModelGridView;
import org.mtalens.viz.grid.PooledMatrix;
import org.mtalens.viz.heatmap.HeatmapView;
import org.mtalens.viz.testing.SyntheticMaps;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A figure's colours are the screen's: the same values get the same colours as in the app's views. */
@ExtendWith(ApplicationExtension.class)
class FigureColoursTest {
    private static final int T = 8;
    private final Matrix signed = signedMap();
    private HeatmapView heatmap;
    private ModelGridView grid;

    /** Scores-like: every cell a different value, negative and positive, so each cell is its own rectangle. */
    private static Matrix signedMap() {
        float[] v = new float[T * T];
        for (int r = 0; r < T; r++) {
            for (int c = 0; c <= r; c++) {
                v[r * T + c] = -2.5f + 0.17f * (r * T + c) / 2;
            }
        }
        List<String> labels = SyntheticMaps.tokens(T);
        return new Matrix("layer 1 · head 2 · scores", T, T, v, labels, labels, ValueKind.SIGNED, true);
    }

    @Start
    void start(Stage stage) {
        heatmap = new HeatmapView(signed);
        grid = new ModelGridView();
        stage.setScene(new Scene(new HBox(heatmap, grid), 900, 500));
        stage.show();
    }

    @Test
    void eachCellHasTheColourTheScreensHeatmapGivesItsValue() throws Exception {
        ColourScale screen = heatmap.effectiveColourScale();
        HeatmapPart part = HeatmapPart.of(signed, ScaleSpec.PER_MAP);
        assertThat(part.legend().scale()).isEqualTo(screen);
        assertThat(screen.map().isDiverging()).isTrue();

        Document svg = WrittenFigures.svg(WrittenFigures.write(new Figure(part, FigureDescription.titled("colours")),
                FigureFormat.SVG, 300, "colours"));
        Map<String, Integer> fills = rectangleFills(svg);
        for (int r = 0; r < T; r++) {
            for (int c = 0; c <= r; c++) {
                String at = key(Figure.MARGIN + part.plotX() + c * part.cell(),
                        Figure.MARGIN + part.plotY() + r * part.cell());
                assertThat(fills).as("a rectangle at cell (%d, %d)", r, c).containsKey(at);
                assertThat(fills.get(at)).as("colour of cell (%d, %d), value %s", r, c, signed.value(r, c))
                        .isEqualTo(screen.argb(signed.value(r, c)) & 0xFFFFFF);
            }
        }
    }

    /** @return the fill colour (0xRRGGBB) of each rectangle by its top-left corner on the page (cells carry no transform) */
    private static Map<String, Integer> rectangleFills(Document svg) {
        Map<String, Integer> out = new HashMap<>();
        for (Element rect : WrittenFigures.elements(svg, "rect")) {
            var fill = java.util.regex.Pattern.compile("fill:\\s*rgb\\((\\d+),(\\d+),(\\d+)\\)").matcher(rect.getAttribute("style"));
            if (fill.find()) {
                int rgb = Integer.parseInt(fill.group(1)) << 16 | Integer.parseInt(fill.group(2)) << 8
                        | Integer.parseInt(fill.group(3));
                out.put(key(Double.parseDouble(rect.getAttribute("x")), Double.parseDouble(rect.getAttribute("y"))), rgb);
            }
        }
        return out;
    }

    private static String key(double x, double y) {
        return Math.round(x * 10) + "," + Math.round(y * 10);
    }

    @Test
    void theModelGridFigureSharesOneScaleOverAllMapsAsTheScreensGridDoes(FxRobot robot) {
        PooledMatrix[][] maps = new PooledMatrix[2][2];
        for (int l = 0; l < 2; l++) {
            for (int h = 0; h < 2; h++) {
                Matrix m = SyntheticMaps.weights("l" + l + "h" + h, 40, 10L * l + h);
                float[] scaled = m.values().clone();
                for (int i = 0; i < scaled.length; i++) {
                    scaled[i] *= 1 + l + h; // the maps' ranges differ: only a shared scale colours them alike
                }
                maps[l][h] = PooledMatrix.pool(new Matrix(m.title(), 40, 40, scaled, m.rowLabels(), m.columnLabels(),
                        m.kind(), true), 20);
            }
        }
        robot.interact(() -> {
            grid.begin("final", 2, 2, Set.of(1));
            for (int l = 0; l < 2; l++) {
                for (int h = 0; h < 2; h++) {
                    grid.put(l, h, maps[l][h]);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        ModelGridPart part = new ModelGridPart("final", maps, Set.of(1), ScaleSpec.SHARED_BY_ALL, Figures.GRID_THUMB);

        assertThat(part.legend().scale()).isEqualTo(grid.legendProperty().get().scale());
        assertThat(part.legend().scale().max()).as("the largest map's top").isCloseTo(3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(part.legend().sharedBy()).isEqualTo(grid.legendProperty().get().sharedBy());
    }
}
