package org.mtalens.viz.figure;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Parts side by side (a row, tops aligned) or one below the other (a column, left edges aligned), a gap apart.
 *
 * @param parts  in order, left to right or top to bottom
 * @param across true: a row; false: a column
 * @param gap    points between neighbours
 */
public record Stacked(List<FigurePart> parts, boolean across, double gap) implements FigurePart {
    public Stacked {
        parts = List.copyOf(parts);
    }

    /** @return the parts in a row, tops aligned */
    public static Stacked row(double gap, List<? extends FigurePart> parts) {
        return new Stacked(List.copyOf(parts), true, gap);
    }

    /** @return the parts in a column, left edges aligned */
    public static Stacked column(double gap, List<? extends FigurePart> parts) {
        return new Stacked(List.copyOf(parts), false, gap);
    }

    /** @return the parts in rows of at most {@code perRow}, the rows one below the other */
    public static Stacked wrapped(int perRow, double gap, List<? extends FigurePart> parts) {
        List<FigurePart> rows = new ArrayList<>();
        for (int i = 0; i < parts.size(); i += perRow) {
            rows.add(row(gap, parts.subList(i, Math.min(parts.size(), i + perRow))));
        }
        return column(gap, rows);
    }

    @Override
    public double width() {
        return across ? sum(true) : largest(true);
    }

    @Override
    public double height() {
        return across ? largest(false) : sum(false);
    }

    private double sum(boolean widths) {
        double total = Math.max(0, parts.size() - 1) * gap;
        for (FigurePart p : parts) {
            total += widths ? p.width() : p.height();
        }
        return total;
    }

    private double largest(boolean widths) {
        double most = 0;
        for (FigurePart p : parts) {
            most = Math.max(most, widths ? p.width() : p.height());
        }
        return most;
    }

    @Override
    public void draw(Graphics2D g, double pixelsPerPoint) {
        AffineTransform before = g.getTransform();
        double at = 0;
        for (FigurePart p : parts) {
            g.setTransform(before);
            g.translate(across ? at : 0, across ? 0 : at);
            p.draw(g, pixelsPerPoint);
            at += (across ? p.width() : p.height()) + gap;
        }
        g.setTransform(before);
    }
}
