package org.mtalens.viz.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mtalens.viz.HeadMixing;
import org.mtalens.viz.Kernel;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ScaleLegend;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.grid.PooledMatrix;
import org.mtalens.viz.kernel.GridData;
import org.mtalens.viz.kernel.KernelGrids;
import org.mtalens.viz.kernel.KernelText;

/**
 * The figures of MTA Lens's views, each coloured as its view colours it on screen, each with the colour range of
 * every map it draws added to the description the caller gives (checkpoint, tokens, layer, head, ...).
 */
public final class Figures {
    /** Points of the longer side of each map of a pipeline. */
    public static final double PIPELINE_SIDE = 200;
    /** Stages of a pipeline in one row of the figure. */
    static final int PIPELINE_PER_ROW = 4;
    /** Points per side of a model-grid thumbnail. */
    public static final double GRID_THUMB = 48;
    /** Points per cell of the MTA-change strip (big enough to print each value). */
    static final double STRIP_CELL = 28;
    private static final double GAP = 14;

    private Figures() {
    }

    /** @return one map as its heatmap, coloured on its own data as the screen does by default */
    public static Figure heatmap(Matrix map, FigureDescription description) {
        HeatmapPart part = HeatmapPart.of(map, ScaleSpec.PER_MAP);
        return new Figure(part, description.withRange(map.title(), part.legend()));
    }

    /** @return a layer and head's maps at every stage, in forward order, each with its own colour bar */
    public static Figure pipeline(String title, List<Matrix> stages, FigureDescription description) {
        List<FigurePart> parts = new ArrayList<>();
        FigureDescription described = description;
        for (Matrix map : stages) {
            HeatmapPart part = HeatmapPart.of(map, ScaleSpec.PER_MAP, "query", "key", PIPELINE_SIDE);
            parts.add(part);
            described = described.withRange(map.title(), part.legend());
        }
        return new Figure(Stacked.column(8, List.of(TextLine.of(title, 11),
                Stacked.wrapped(PIPELINE_PER_ROW, GAP, parts))), described);
    }

    /**
     * @return the inspector of a layer: each key-query kernel (all heads, one shared diverging scale, the identity
     *         tap outlined, the distances from the identity kernel) and each head-mixing matrix, one below the other
     */
    public static Figure inspector(String title, List<Kernel> kernels, List<HeadMixing> mixings,
                                   FigureDescription description) {
        List<FigurePart> parts = new ArrayList<>();
        parts.add(TextLine.of(title, 11));
        FigureDescription described = description;
        for (Kernel k : kernels) {
            ColourScale scale = KernelGrids.sharedScale(k);
            parts.add(kernel(k, scale));
            described = described.withRange(k.title(), legend(scale, "all heads of the kernel"));
        }
        for (HeadMixing m : mixings) {
            GridData data = KernelGrids.headMixing(m);
            parts.add(withBar(new ValueGridPart(data, m.heads() <= 16 ? 24 : 12), legend(data.scale(), "the matrix")));
            described = described.withRange(m.title(), legend(data.scale(), "the matrix"));
        }
        return new Figure(Stacked.column(GAP, parts), described);
    }

    private static FigurePart kernel(Kernel k, ColourScale scale) {
        List<FigurePart> heads = new ArrayList<>();
        for (int h = 0; h < k.heads(); h++) {
            heads.add(new ValueGridPart(KernelGrids.kernelHead(k, h, scale), 22));
        }
        return Stacked.column(3, List.of(TextLine.of(KernelText.title(k), 9),
                TextLine.of(KernelText.distances(k, KernelText.ALL_HEADS), 7),
                withBar(Stacked.wrapped(8, 10, heads), legend(scale, "all heads of the kernel"))));
    }

    /** A colour bar without data marks, as the screen's kernel views have (they show the scale only). */
    private static ScaleLegend legend(ColourScale scale, String sharedBy) {
        return new ScaleLegend(scale, Double.NaN, Double.NaN, 0, 0, sharedBy);
    }

    private static FigurePart withBar(FigurePart grids, ScaleLegend legend) {
        double h = Math.max(grids.height(), ColourBarPart.minimumHeight(legend, false));
        return Stacked.row(10, List.of(grids, new ColourBarPart(legend, h, false)));
    }

    /** @return the model grid of {@code stage}: thumbnails [layers][heads] (null: stage not run) on the grid's scale */
    public static Figure grid(String stage, PooledMatrix[][] maps, Set<Integer> mtaLayers,
                              FigureDescription description) {
        ModelGridPart part = new ModelGridPart(stage, maps, mtaLayers, ScaleSpec.SHARED_BY_ALL, GRID_THUMB);
        ScaleLegend legend = part.legend();
        return new Figure(part, legend == null ? description : description.withRange(stage, legend));
    }

    /**
     * @return the MTA-change strip: a layers x heads matrix of how much MTA changed each head, each cell's value
     *         printed, coloured on its own data as on screen
     */
    public static Figure strip(Matrix change, FigureDescription description) {
        double side = STRIP_CELL * Math.max(change.rows(), change.columns());
        HeatmapPart part = HeatmapPart.of(change, ScaleSpec.PER_MAP, "layer", "head", side);
        return new Figure(part, description.withRange(change.title(), part.legend()));
    }
}
