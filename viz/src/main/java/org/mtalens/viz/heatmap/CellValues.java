package org.mtalens.viz.heatmap;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.Contrast;
import org.mtalens.viz.raster.Viewport;

/**
 * Prints each visible cell's exact value in the cell once cells are big enough to hold it (zoomed in), black or
 * white to read on the cell's colour; masked cells stay blank. Painted with the map, never on hover.
 */
final class CellValues {
    /** Cells at least this many pixels wide show their value. */
    static final double MIN_PIXELS = 44;

    private final Canvas canvas;
    private final Map<Cell, String> shown = new LinkedHashMap<>();

    CellValues(Canvas canvas) {
        this.canvas = canvas;
    }

    /** @return the text printed in each cell in the last paint (empty when zoomed out) */
    Map<Cell, String> shown() {
        return Map.copyOf(shown);
    }

    void paint(Matrix m, Viewport v, ColourScale scale) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        shown.clear();
        if (m == null || v == null || scale == null || v.pixelsPerCell() < MIN_PIXELS) {
            return;
        }
        g.setFont(Font.font("System", Math.min(12, v.pixelsPerCell() / 4.2)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        int c0 = Math.max(0, (int) Math.floor(v.columnAt(0)));
        int c1 = Math.min(m.columns(), (int) Math.ceil(v.columnAt(canvas.getWidth())));
        int r0 = Math.max(0, (int) Math.floor(v.rowAt(0)));
        int r1 = Math.min(m.rows(), (int) Math.ceil(v.rowAt(canvas.getHeight())));
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                if (!m.isMasked(r, c)) {
                    print(g, m, v, scale, r, c);
                }
            }
        }
    }

    private void print(GraphicsContext g, Matrix m, Viewport v, ColourScale scale, int r, int c) {
        float value = m.value(r, c);
        String text = HoverText.number(value);
        g.setFill(Contrast.isDark(scale.argb(value)) ? Color.WHITE : Color.BLACK);
        g.fillText(text, v.xOf(c + 0.5), v.yOf(r + 0.5));
        shown.put(new Cell(r, c), text);
    }
}
