package org.mtalens.viz.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.mtalens.viz.colour.Contrast;
import org.mtalens.viz.kernel.GridData;
import org.mtalens.viz.kernel.KernelText;

/**
 * A small labelled matrix as the screen's {@code ValueGrid} draws it (a kernel head, a head-mixing matrix), in
 * vectors: the title, the column axis name and labels on top, the row axis name (turned) and labels on the left,
 * coloured cells with their values printed when they are big enough, blank cells grey, the marked cell (the
 * identity tap) outlined.
 *
 * @param data what to draw, with its colour scale
 * @param cell points per cell
 */
public record ValueGridPart(GridData data, double cell) implements FigurePart {
    private static final double LABEL_FONT = 7;
    private static final double TITLE_FONT = 8;
    /** Cells of at least this many points print their value. */
    private static final double VALUE_CELL = 18;
    private static final double GAP = 3;
    private static final Color BLANK = new Color(237, 237, 237);
    private static final Color AXIS_INK = new Color(102, 102, 102);
    private static final Color INK = new Color(51, 51, 51);

    private double rowLabelsWidth() {
        double widest = 0;
        for (String l : data.rowLabels()) {
            widest = Math.max(widest, FigureFont.width(l, LABEL_FONT));
        }
        return FigureFont.lineHeight(LABEL_FONT) + GAP + Math.ceil(widest) + GAP;
    }

    private double top() {
        return Math.ceil(FigureFont.lineHeight(TITLE_FONT)) + GAP + 2 * Math.ceil(FigureFont.lineHeight(LABEL_FONT)) + GAP;
    }

    @Override
    public double width() {
        return Math.max(FigureFont.width(data.title(), TITLE_FONT), rowLabelsWidth() + data.columns() * cell);
    }

    @Override
    public double height() {
        return top() + data.rows() * cell;
    }

    @Override
    public void draw(Graphics2D g, double pixelsPerPoint) {
        double x0 = rowLabelsWidth();
        double y0 = top();
        double line = Math.ceil(FigureFont.lineHeight(LABEL_FONT));
        FigureText.draw(g, data.title(), TITLE_FONT, TextLine.INK, 0, 0, FigureText.Along.START, FigureText.Across.TOP);
        FigureText.draw(g, data.columnAxis() + " \u2192", LABEL_FONT, AXIS_INK, x0 + data.columns() * cell / 2,
                y0 - line - GAP, FigureText.Along.MIDDLE, FigureText.Across.BOTTOM);
        FigureText.drawUpwards(g, data.rowAxis() + " \u2192", LABEL_FONT, AXIS_INK, 0, y0 + data.rows() * cell / 2,
                FigureText.Along.MIDDLE, FigureText.Across.TOP);
        for (int c = 0; c < data.columns(); c++) {
            FigureText.draw(g, data.columnLabels().get(c), LABEL_FONT, INK, x0 + (c + 0.5) * cell, y0 - GAP,
                    FigureText.Along.MIDDLE, FigureText.Across.BOTTOM);
        }
        for (int r = 0; r < data.rows(); r++) {
            FigureText.draw(g, data.rowLabels().get(r), LABEL_FONT, INK, x0 - GAP, y0 + (r + 0.5) * cell,
                    FigureText.Along.END, FigureText.Across.MIDDLE);
        }
        for (int r = 0; r < data.rows(); r++) {
            for (int c = 0; c < data.columns(); c++) {
                drawCell(g, r, c, x0 + c * cell, y0 + r * cell);
            }
        }
        if (data.markedRow() >= 0) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke((float) Math.max(1, cell / 12)));
            double inset = Math.max(1, cell / 12) / 2 + 0.5;
            g.draw(new Rectangle2D.Double(x0 + data.markedColumn() * cell + inset, y0 + data.markedRow() * cell + inset,
                    cell - 2 * inset, cell - 2 * inset));
        }
    }

    private void drawCell(Graphics2D g, int r, int c, double x, double y) {
        Rectangle2D box = new Rectangle2D.Double(x, y, cell, cell);
        if (data.isBlank(r, c)) {
            g.setColor(BLANK);
            g.fill(box);
            return;
        }
        float v = data.value(r, c);
        int argb = data.scale().argb(v);
        g.setColor(new Color(argb, false));
        g.fill(box);
        g.setColor(new Color(255, 255, 255, 153));
        g.setStroke(new BasicStroke(0.5f));
        g.draw(new Rectangle2D.Double(x + 0.25, y + 0.25, cell - 0.5, cell - 0.5));
        if (cell >= VALUE_CELL) {
            FigureText.draw(g, KernelText.cellText(v), Math.min(8, cell / 3.2), Contrast.isDark(argb) ? Color.WHITE
                    : Color.BLACK, x + cell / 2, y + cell / 2, FigureText.Along.MIDDLE, FigureText.Across.MIDDLE);
        }
    }
}
