package org.mtalens.app.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.bench.ZoomPanFrames;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.Scale;
import org.mtalens.viz.colour.ColourScales;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.grid.ThumbnailBatch;
import org.mtalens.viz.grid.ThumbnailRenderer;
import org.mtalens.viz.raster.MapRasterizer;
import org.mtalens.viz.raster.Viewport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mta-lens bench render [--json]}: times the pixel work of the viz components on synthetic causal maps.
 * <ul>
 *   <li>colour-map + max-pool of a 2048x2048 map into a 1024x1024 pixel buffer (median of the repeats);</li>
 *   <li>the same for 4096x4096 into 1024x1024;</li>
 *   <li>a model grid of 24 layers x 16 heads of T=2048 maps into 48x48 thumbnails, all ready (one run after a
 *       warm-up): 16 distinct maps, one per head, reused across layers (384 distinct 16 MB maps would not fit
 *       in memory; every thumbnail still reads its whole map).</li>
 *   <li>zoom and pan on a T=4096 map as {@code HeatmapView} draws it ({@link ZoomPanFrames}): the one-off cost of
 *       the map's pyramid and value summary, then the frame times of a scripted zoom in, pan and zoom out.</li>
 * </ul>
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Time colour-mapping + max-pool downsampling of attention maps and the model-grid thumbnails.")
public final class RenderBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--repeats", defaultValue = "25", description = "Timed repeats per map size (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--skip-grid", description = "Skip the model-grid measurement (it needs ~300 MB).")
    boolean skipGrid;

    @Option(names = "--zoom-t", defaultValue = "4096", description = "Map size of the zoom/pan frames (default ${DEFAULT-VALUE}).")
    int zoomT;

    @Option(names = "--viewport", defaultValue = "1200x900", description = "Map area of the zoom/pan frames, WxH (default ${DEFAULT-VALUE}).")
    String viewport;

    @Override
    public Integer call() throws Exception {
        double r2048 = medianRenderMs(2048, 1024);
        double r4096 = medianRenderMs(4096, 1024);
        double grid = skipGrid ? Double.NaN : gridMs(24, 16, 2048, 48);
        ZoomPanFrames.Result frames = ZoomPanFrames.run(syntheticMap("zoom", zoomT, 7), size(0), size(1));
        int cores = Runtime.getRuntime().availableProcessors();
        if (json) {
            System.out.printf(Locale.ROOT, "{\"render_2048_to_1024_ms_median\": %.2f, \"render_4096_to_1024_ms_median\":"
                    + " %.2f, \"grid_24x16_t2048_ms\": %s, %s, \"cores\": %d, \"repeats\": %d}%n", r2048, r4096,
                    Double.isNaN(grid) ? "null" : String.format(Locale.ROOT, "%.1f", grid), frames.json(), cores,
                    repeats);
        } else {
            System.out.printf(Locale.ROOT, "render 2048x2048 -> 1024x1024: median %.2f ms%n", r2048);
            System.out.printf(Locale.ROOT, "render 4096x4096 -> 1024x1024: median %.2f ms%n", r4096);
            System.out.printf(Locale.ROOT, "model grid 24x16 at T=2048, 48 px thumbnails: %.1f ms%n", grid);
            System.out.println(frames.text());
            System.out.printf(Locale.ROOT, "(%d cores, %d repeats)%n", cores, repeats);
        }
        return 0;
    }

    private int size(int part) {
        String[] wh = viewport.toLowerCase(Locale.ROOT).split("x");
        try {
            int v = Integer.parseInt(wh[part].trim());
            if (wh.length != 2 || v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (RuntimeException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--viewport must be WIDTHxHEIGHT in pixels, e.g. 1200x900, got '" + viewport + "'");
        }
    }

    /** @return the median time to pool and colour a t x t map into a size x size ARGB buffer */
    double medianRenderMs(int t, int size) {
        Matrix map = syntheticMap("bench", t, 1);
        ColourScale scale = ColourScale.forKind(ValueKind.WEIGHT, 1, Scale.LINEAR);
        Viewport view = Viewport.fit(t, t, size, size);
        int[] argb = new int[size * size];
        for (int i = 0; i < 5; i++) {
            MapRasterizer.render(map, view, scale, size, size, argb);
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            MapRasterizer.render(map, view, scale, size, size, argb);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }

    /** @return the time until every thumbnail of a layers x heads grid is ready (after one warm-up grid) */
    double gridMs(int layers, int heads, int t, int size) throws Exception {
        Matrix[] maps = new Matrix[heads];
        for (int h = 0; h < heads; h++) {
            maps[h] = syntheticMap("head " + h, t, 100 + h);
        }
        AtomicInteger ready = new AtomicInteger();
        ThumbnailBatch.Sink colour = (c, pooled) -> {
            ThumbnailRenderer.render(pooled, ColourScales.choose(ScaleSpec.SHARED_BY_ALL, pooled.original()));
            ready.incrementAndGet();
        };
        ThumbnailBatch.start(2, heads, (l, h) -> maps[h], size, colour).done().get(60, TimeUnit.SECONDS);
        ready.set(0);
        long start = System.nanoTime();
        ThumbnailBatch.start(layers, heads, (l, h) -> maps[h], size, colour).done().get(60, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - start) / 1e6;
        if (ready.get() != layers * heads) {
            throw new IllegalStateException("only " + ready.get() + " of " + layers * heads + " thumbnails ready");
        }
        return ms;
    }

    /** A causal attention-like map: small noise under the diagonal, a spike on the previous token. */
    static Matrix syntheticMap(String title, int t, long seed) {
        Random random = new Random(seed);
        float[] v = new float[t * t];
        for (int r = 0; r < t; r++) {
            for (int c = 0; c <= r; c++) {
                v[r * t + c] = random.nextFloat() * 0.01f;
            }
            v[r * t + Math.max(0, r - 1)] = 0.9f;
        }
        var labels = java.util.Collections.nCopies(t, "tok");
        return new Matrix(title, t, t, v, labels, labels, ValueKind.WEIGHT, true);
    }
}
