package org.mtalens.app.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.mtalens.app.adapt.VizAdapter;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.ModelSession;
import org.mtalens.app.session.SessionLoader;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.PassProgress;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.TraceRequest;
import org.mtalens.viz.Matrix;
import org.mtalens.app.adapt.GridThumbnails;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.grid.GridScales;
import org.mtalens.viz.grid.PooledMatrix;
import org.mtalens.viz.grid.ThumbnailRenderer;
import org.mtalens.viz.raster.MapRasterizer;
import org.mtalens.viz.raster.Viewport;

/**
 * The app's own view models, headless, at real scale: open a checkpoint, run T tokens, show the pipeline of an
 * MTA layer, switch layer and head, draw the grid; each step timed, with the process's resident memory. Work runs
 * on the calling thread (the view models' executors are direct), so each step's time is the time until its maps
 * are ready.
 */
final class ScaleBenchmark {
    /** Pixels of one pipeline map, as the window draws it. */
    private static final int MAP_PIXELS = 600;
    /** Head switches timed; the median is reported. */
    private static final int HEAD_SWITCHES = 5;

    private ScaleBenchmark() {
    }

    /** @return the figures, in the order the issue lists them */
    static Map<String, Object> run(Path checkpoint, int tokens) {
        Map<String, Object> figures = new LinkedHashMap<>();
        MainViewModel vm = new MainViewModel(SessionLoader.runtime(), Runnable::run, Runnable::run);
        long start = System.nanoTime();
        vm.open(checkpoint);
        failOnError(vm);
        double openS = seconds(start);
        ModelSession session = vm.sessionProperty().get();
        ModelConfig config = session.checkpoint().config();
        figures.put("checkpoint", checkpoint.toString());
        figures.put("T", tokens);
        figures.put("weights_mb", parameters(config) * Float.BYTES >> 20); // MiB, as every *_mb figure (ProcessMemory)
        figures.put("open_s", round(openS));
        figures.put("rss_after_open_mb", ProcessMemory.residentMb());

        int[] ids = new Random(11).ints(tokens, 0, config.vocabSize()).toArray();
        start = System.nanoTime();
        double cpu = ProcessMemory.cpuSeconds();
        session.runner().trace(TraceRequest.of(ids), PassProgress.NONE);
        figures.put("forward_s", round(seconds(start)));
        figures.put("forward_cpu_s", round(ProcessMemory.cpuSeconds() - cpu));

        int[] mtaLayers = config.layerPlans().stream().filter(LayerPlan::hasKeyQueryConv).mapToInt(LayerPlan::layer).toArray();
        int first = mtaLayers.length > 0 ? mtaLayers[0] : 0;
        vm.layerProperty().set(first);
        vm.inputProperty().set(IntStream.of(ids).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        start = System.nanoTime();
        cpu = ProcessMemory.cpuSeconds();
        vm.run();
        failOnError(vm);
        double traced = seconds(start);
        long drawing = System.nanoTime();
        drawPipeline(vm, new java.util.EnumMap<>(Stage.class));
        figures.put("first_view_s", round(seconds(start)));
        figures.put("first_view_cpu_s", round(ProcessMemory.cpuSeconds() - cpu));
        figures.put("first_view_pass_s", round(traced));
        figures.put("pipeline_draw_ms", Math.round(seconds(drawing) * 1000));
        figures.put("rss_after_first_view_mb", ProcessMemory.residentMb());
        figures.put("maps_held", vm.layerMapsProperty().get().maps().size());
        figures.put("scope", vm.scopeNoteProperty().get().isEmpty() ? "every head" : vm.scopeNoteProperty().get());

        start = System.nanoTime();
        cpu = ProcessMemory.cpuSeconds();
        vm.layerProperty().set(mtaLayers.length > 1 ? mtaLayers[1] : (first + 1) % config.nLayers());
        failOnError(vm);
        Map<Stage, Matrix> shown = new java.util.EnumMap<>(Stage.class);
        drawPipeline(vm, shown); // a layer switch builds the pipeline's views anew
        figures.put("layer_switch_s", round(seconds(start)));
        figures.put("layer_switch_cpu_s", round(ProcessMemory.cpuSeconds() - cpu));
        figures.put("rss_after_layer_switch_mb", ProcessMemory.residentMb());

        figures.put("head_switch_ms", Math.round(headSwitchMillis(vm, config.nHeads(), shown)));

        start = System.nanoTime();
        cpu = ProcessMemory.cpuSeconds();
        Trace trace = vm.traceProperty().get();
        int size = Math.max(48, Math.min(160, 960 / config.nHeads()));
        GridScales scales = new GridScales(config.nLayers());
        java.util.List<java.util.Map<Integer, PooledMatrix>> thumbnails = new java.util.ArrayList<>();
        for (int layer = 0; layer < config.nLayers(); layer++) { // what the grid tab does: pool and summarise each layer
            var layerThumbnails = GridThumbnails.of(trace, layer, Stage.FINAL, size, () -> false);
            int l = layer;
            layerThumbnails.values().forEach(t -> scales.add(l, t.original()));
            thumbnails.add(layerThumbnails);
        }
        for (int layer = 0; layer < config.nLayers(); layer++) { // then paint every thumbnail on the shared scale
            for (PooledMatrix t : thumbnails.get(layer).values()) {
                ThumbnailRenderer.render(t, scales.scaleFor(ScaleSpec.SHARED_BY_ALL, layer, t.original()));
            }
        }
        figures.put("grid_s", round(seconds(start)));
        figures.put("grid_cpu_s", round(ProcessMemory.cpuSeconds() - cpu));
        figures.put("peak_rss_mb", ProcessMemory.peakResidentMb());
        figures.put("device", session.runner().device());
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1_000_000);
        session.close();
        return figures;
    }

    /**
     * @return the median time of switching to each other head of the shown layer (at most {@value #HEAD_SWITCHES}),
     *         as a user going through the heads sees it: the first switch also warms the drawing code up
     */
    private static double headSwitchMillis(MainViewModel vm, int heads, Map<Stage, Matrix> shown) {
        int switches = Math.min(HEAD_SWITCHES, heads - 1);
        if (switches < 1) {
            return 0;
        }
        double[] millis = new double[switches];
        for (int i = 0; i < switches; i++) {
            long start = System.nanoTime();
            vm.headProperty().set(i + 1);
            failOnError(vm);
            drawPipeline(vm, shown);
            millis[i] = seconds(start) * 1000;
        }
        java.util.Arrays.sort(millis);
        return millis[switches / 2];
    }

    /**
     * What the pipeline view does when its maps change: every stage of the shown head as a matrix (written into the
     * matrix shown before at that stage, as the view does), rasterised.
     */
    private static void drawPipeline(MainViewModel vm, Map<Stage, Matrix> shown) {
        var plan = vm.selectedLayerPlan().orElseThrow();
        int[] pixels = new int[MAP_PIXELS * MAP_PIXELS];
        for (Stage stage : plan.stages()) {
            AttentionMap map = vm.map(stage).orElseThrow(() -> new IllegalStateException("no " + stage.id() + " map shown"));
            Matrix matrix = VizAdapter.matrix(map, vm.tokenLabels(), shown.get(stage));
            shown.put(stage, matrix);
            Viewport fit = Viewport.fit(matrix.rows(), matrix.columns(), MAP_PIXELS, MAP_PIXELS);
            MapRasterizer.render(matrix, fit, org.mtalens.viz.colour.ColourScale.forKind(matrix.kind(), 1,
                    org.mtalens.viz.colour.Scale.LINEAR), MAP_PIXELS, MAP_PIXELS, pixels);
        }
    }

    private static void failOnError(MainViewModel vm) {
        if (vm.errorProperty().get() != null) {
            throw new InvalidInputException(vm.errorProperty().get().title() + ": " + vm.errorProperty().get().message());
        }
    }

    private static long parameters(ModelConfig config) {
        long count = 0;
        for (var e : config.expectedTensorShapes().entrySet()) {
            if (!e.getKey().equals("output.tied_module.weight")) {
                long n = 1;
                for (long d : e.getValue()) {
                    n *= d;
                }
                count += n;
            }
        }
        return count;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
