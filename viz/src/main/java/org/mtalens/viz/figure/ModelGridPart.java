package org.mtalens.viz.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ScaleLegend;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.grid.GridScales;
import org.mtalens.viz.grid.PooledMatrix;
import org.mtalens.viz.grid.ThumbnailRenderer;

/**
 * The model grid as the screen's {@code ModelGridView} shows it: one stage for every layer (rows, MTA layers
 * marked) and head (columns), each thumbnail coloured under the grid's {@link ScaleSpec} (by default one range
 * over all maps, as on screen) and one colour bar. A thumbnail whose map was not pooled and has at least one
 * exported pixel per cell is drawn as vector cells; a pooled one as an image of its pooled cells.
 *
 * @param stage     the stage shown
 * @param maps      [layers][heads] the pooled maps; null where the layer does not run the stage
 * @param mtaLayers the layers with a key-query convolution
 * @param spec      how the thumbnails share colours
 * @param thumb     points per side of a thumbnail
 */
public record ModelGridPart(String stage, PooledMatrix[][] maps, Set<Integer> mtaLayers, ScaleSpec spec, double thumb)
        implements FigurePart {
    private static final double FONT = 7;
    private static final double TITLE_FONT = 9;
    private static final double GAP = 3;
    private static final double BAR_GAP = 10;
    private static final Color INK = new Color(51, 51, 51);
    private static final Color MTA_INK = new Color(194, 65, 12);
    private static final Color EDGE = new Color(179, 179, 179);

    public ModelGridPart {
        Objects.requireNonNull(stage, "stage");
        maps = maps.clone();
        mtaLayers = Set.copyOf(mtaLayers);
    }

    private int layers() {
        return maps.length;
    }

    private int heads() {
        return maps.length == 0 ? 0 : maps[0].length;
    }

    /** @return the scales of every thumbnail, from the summaries of all maps of the grid */
    GridScales scales() {
        GridScales scales = new GridScales(layers());
        for (int l = 0; l < layers(); l++) {
            for (PooledMatrix map : maps[l]) {
                if (map != null) {
                    scales.add(l, map.original());
                }
            }
        }
        return scales;
    }

    /** @return the legend of the first thumbnail (with the shared default, every thumbnail's), or null if none */
    ScaleLegend legend() {
        GridScales scales = scales();
        for (int l = 0; l < layers(); l++) {
            for (int h = 0; h < heads(); h++) {
                if (maps[l][h] != null) {
                    return scales.legendFor(spec, l, h, maps[l][h].original());
                }
            }
        }
        return null;
    }

    private String title() {
        return stage + "  \u00b7  " + layers() + " layers \u00d7 " + heads() + " heads";
    }

    private double labelsWidth() {
        return Math.ceil(FigureFont.width("L" + Math.max(0, layers() - 1) + "  MTA", FONT)) + GAP;
    }

    private double top() {
        return Math.ceil(FigureFont.lineHeight(TITLE_FONT)) + GAP + Math.ceil(FigureFont.lineHeight(FONT)) + GAP;
    }

    private double cellsWidth() {
        return heads() * (thumb + GAP);
    }

    private double cellsHeight() {
        return layers() * (thumb + GAP);
    }

    private FigurePart bar() {
        ScaleLegend legend = legend();
        if (legend == null) {
            return new Stacked(List.of(), false, 0);
        }
        double h = Math.max(cellsHeight(), ColourBarPart.minimumHeight(legend, true));
        return Stacked.column(2, List.of(TextLine.of("scale: " + legend.sharedBy(), FONT),
                new ColourBarPart(legend, h, true)));
    }

    @Override
    public double width() {
        return Math.max(FigureFont.width(title(), TITLE_FONT), labelsWidth() + cellsWidth() + BAR_GAP + bar().width());
    }

    @Override
    public double height() {
        return top() + Math.max(cellsHeight(), bar().height());
    }

    @Override
    public void draw(Graphics2D g, double pixelsPerPoint) {
        double x0 = labelsWidth();
        double y0 = top();
        FigureText.draw(g, title(), TITLE_FONT, TextLine.INK, 0, 0, FigureText.Along.START, FigureText.Across.TOP);
        for (int h = 0; h < heads(); h++) {
            FigureText.draw(g, "h" + h, FONT, INK, x0 + h * (thumb + GAP) + thumb / 2, y0 - GAP, FigureText.Along.MIDDLE,
                    FigureText.Across.BOTTOM);
        }
        GridScales scales = scales();
        for (int l = 0; l < layers(); l++) {
            boolean mta = mtaLayers.contains(l);
            double y = y0 + l * (thumb + GAP);
            FigureText.draw(g, "L" + l + (mta ? "  MTA" : ""), FONT, mta ? MTA_INK : INK, 0, y + thumb / 2,
                    FigureText.Along.START, FigureText.Across.MIDDLE);
            for (int h = 0; h < heads(); h++) {
                drawThumbnail(g, maps[l][h], scales, l, x0 + h * (thumb + GAP), y, pixelsPerPoint);
            }
        }
        AffineTransform before = g.getTransform();
        g.translate(x0 + cellsWidth() + BAR_GAP - GAP, y0);
        bar().draw(g, pixelsPerPoint);
        g.setTransform(before);
    }

    private void drawThumbnail(Graphics2D g, PooledMatrix map, GridScales scales, int layer, double x, double y,
                               double pixelsPerPoint) {
        if (map == null) {
            FigureText.draw(g, "\u2014", FONT, INK, x + thumb / 2, y + thumb / 2, FigureText.Along.MIDDLE,
                    FigureText.Across.MIDDLE);
            return;
        }
        ColourScale scale = scales.scaleFor(spec, layer, map.original());
        if (map.size() == map.tokens()) {
            MapCells.draw(g, asMatrix(map), scale, x, y, thumb, thumb, pixelsPerPoint);
        } else {
            image(g, map, scale, x, y);
        }
        g.setColor(EDGE);
        g.setStroke(new BasicStroke(0.5f));
        g.draw(new Rectangle2D.Double(x, y, thumb, thumb));
    }

    /** @return a map that was not pooled as the matrix it is (no labels: thumbnails have none) */
    private static Matrix asMatrix(PooledMatrix map) {
        List<String> none = Collections.nCopies(map.size(), "");
        return new Matrix("", map.size(), map.size(), map.values(), none, none, ValueKind.SIGNED, map.causal());
    }

    private void image(Graphics2D g, PooledMatrix map, ColourScale scale, double x, double y) {
        int size = map.size();
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, size, size, ThumbnailRenderer.render(map, scale), 0, size);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, new AffineTransform(thumb / size, 0, 0, thumb / size, x, y), null);
    }
}
