package org.mtalens.app.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.mtalens.app.adapt.VizAdapter;
import org.mtalens.app.change.ChangeStrip;
import org.mtalens.app.adapt.GridThumbnails;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.analysis.AttentionChange;
import org.mtalens.runtime.analysis.HeadChange;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelChoices;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.LayerMaps;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.PassProgress;
import org.mtalens.runtime.model.Trace;
import org.mtalens.viz.HeadMixing;
import org.mtalens.viz.Kernel;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.figure.Figure;
import org.mtalens.viz.figure.FigureDescription;
import org.mtalens.viz.figure.Figures;
import org.mtalens.viz.grid.PooledMatrix;
import org.mtalens.viz.raster.LabelThinning;

/**
 * Makes the figure of a view from a {@link FigureRequest}: the maps it needs replayed from the run's trace (one layer
 * and head for a pipeline or a map; layer by layer, each pooled as its rows arrive, for the grid and the strip), then
 * drawn by viz as the view draws them. Runs on the inference thread; reports layers done and stops when cancelled.
 */
public final class ViewFigures {
    private ViewFigures() {
    }

    /**
     * @param dpi the resolution the figure will be written at (the grid's thumbnails are pooled to its pixels)
     * @return the figure of {@code request}
     * @throws InvalidInputException when the view has nothing to draw (a stage the layer does not run, a plain layer's
     *                               kernels)
     */
    public static Figure build(FigureRequest request, double dpi, PassProgress progress) {
        return switch (request.kind()) {
            case PIPELINE -> pipeline(request, progress);
            case MAP -> map(request, progress);
            case INSPECTOR -> inspector(request);
            case GRID -> grid(request, dpi, progress);
            case CHANGE -> change(request, progress);
        };
    }

    private static Figure pipeline(FigureRequest r, PassProgress progress) {
        LayerPlan plan = r.trace().config().layerPlan(r.layer());
        LayerMaps maps = r.trace().maps(r.layer(), MapQuery.head(r.head()), progress::cancelled);
        List<Matrix> stages = plan.stages().stream().map(s -> maps.map(s, r.head())).flatMap(Optional::stream)
                .map(m -> VizAdapter.matrix(m, r.tokenLabels())).toList();
        String title = "layer " + r.layer() + " \u00b7 head " + r.head() + " \u00b7 pipeline";
        return Figures.pipeline(title, stages, describe(r, title).with("layer", "" + r.layer()).with("head", "" + r.head())
                .with("stages", plan.stages().stream().map(Stage::id).collect(Collectors.joining(", "))));
    }

    private static Figure map(FigureRequest r, PassProgress progress) {
        ModelChoices.requireStage(r.trace().config(), r.layer(), r.stage(), "stage");
        LayerMaps maps = r.trace().maps(r.layer(), new MapQuery(Set.of(r.stage()), Set.of(r.head())), progress::cancelled);
        Matrix map = VizAdapter.matrix(maps.map(r.stage(), r.head()).orElseThrow(), r.tokenLabels());
        return Figures.heatmap(map, describe(r, map.title()).with("layer", "" + r.layer()).with("head", "" + r.head())
                .with("stage", r.stage().id()));
    }

    private static Figure inspector(FigureRequest r) {
        var checkpoint = r.session().checkpoint();
        List<Kernel> kernels = new ArrayList<>();
        List<HeadMixing> mixings = new ArrayList<>();
        for (boolean afterSoftmax : new boolean[] {false, true}) {
            VizAdapter.kernel(checkpoint, r.layer(), afterSoftmax).ifPresent(kernels::add);
            VizAdapter.headMixing(checkpoint, r.layer(), afterSoftmax).ifPresent(mixings::add);
        }
        if (kernels.isEmpty() && mixings.isEmpty()) {
            throw new InvalidInputException("layer " + r.layer() + " is plain attention: it has no kernels or head mixing"
                    + " to draw");
        }
        String title = "layer " + r.layer() + " \u00b7 kernels and head mixing";
        return Figures.inspector(title, kernels, mixings, describeCheckpoint(r, title).with("layer", "" + r.layer()));
    }

    private static Figure grid(FigureRequest r, double dpi, PassProgress progress) {
        ModelConfig config = r.trace().config();
        ModelChoices.requireStageInSome(config, java.util.stream.IntStream.range(0, config.nLayers()).boxed().toList(),
                r.stage(), "grid stage");
        int pixels = Math.max(1, (int) Math.round(Figures.GRID_THUMB * dpi / 72));
        PooledMatrix[][] maps = new PooledMatrix[config.nLayers()][config.nHeads()];
        for (int layer = 0; layer < config.nLayers(); layer++) {
            stopIfCancelled(progress);
            if (config.layerPlan(layer).runs(r.stage())) {
                Map<Integer, PooledMatrix> byHead = GridThumbnails.of(r.trace(), layer, r.stage(), pixels,
                        progress::cancelled);
                for (int head = 0; head < config.nHeads(); head++) {
                    maps[layer][head] = byHead.get(head);
                }
            }
            progress.layersDone(layer + 1, config.nLayers());
        }
        Set<Integer> mta = config.layerPlans().stream().filter(LayerPlan::hasKeyQueryConv).map(LayerPlan::layer)
                .collect(Collectors.toSet());
        String title = "model grid \u00b7 " + r.stage().id();
        return Figures.grid(r.stage().id(), maps, mta, describe(r, title).with("stage", r.stage().id()));
    }

    private static Figure change(FigureRequest r, PassProgress progress) {
        ModelConfig config = r.trace().config();
        List<HeadChange> heads = new ArrayList<>();
        for (int layer = 0; layer < config.nLayers(); layer++) {
            stopIfCancelled(progress);
            heads.addAll(AttentionChange.perHead(r.trace(), layer, progress::cancelled));
            progress.layersDone(layer + 1, config.nLayers());
        }
        return Figures.strip(ChangeStrip.matrix(heads, config.nLayers(), config.nHeads()),
                describe(r, "MTA change \u00b7 " + ChangeStrip.TITLE));
    }

    private static void stopIfCancelled(PassProgress progress) {
        if (progress.cancelled()) {
            throw new CancellationException("the figure was cancelled");
        }
    }

    /** @return the description of a figure of the run: checkpoint, then the tokens (labels and ids) */
    static FigureDescription describe(FigureRequest r, String title) {
        Trace trace = r.trace();
        String labels = r.tokenLabels().stream().map(l -> LabelThinning.display(l, Integer.MAX_VALUE))
                .collect(Collectors.joining(" "));
        String ids = java.util.Arrays.stream(trace.tokens()).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return describeCheckpoint(r, title).with("tokens", trace.length() + ": " + labels).with("token ids", ids);
    }

    /** @return the description of a figure of the checkpoint alone (its kernels): the checkpoint's name and file */
    static FigureDescription describeCheckpoint(FigureRequest r, String title) {
        var checkpoint = r.session().checkpoint();
        return FigureDescription.titled(title).with("checkpoint", checkpoint.displayName())
                .with("checkpoint file", checkpoint.source().toAbsolutePath().toString()).with("made with", "MTA Lens");
    }
}
