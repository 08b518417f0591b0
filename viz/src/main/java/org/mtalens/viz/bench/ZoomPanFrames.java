package org.mtalens.viz.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ColourScales;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.colour.ValueSummary;
import org.mtalens.viz.raster.MapPyramid;
import org.mtalens.viz.raster.MapRasterizer;
import org.mtalens.viz.raster.Viewport;

/**
 * The frames of a scripted zoom and pan on one map, timed the way {@code HeatmapView} draws them: each frame pools
 * the visible window from the map's pyramid and colours it into a buffer the size of the map area. Script: from
 * the fitted view, 60 wheel steps in (x1.1 each, about a point off-centre), 60 drag steps of 15 pixels, 60 steps
 * out. Excludes putting the buffer on screen (a copy into the image, done by JavaFX) and the labels.
 */
public final class ZoomPanFrames {
    private static final int STEPS = 60;

    private ZoomPanFrames() {
    }

    /** Frame times and one-off costs. */
    public record Result(int t, int width, int height, double pyramidMs, double summaryMs, double[] frameMs,
                  double directMedianMs) {
        double percentile(double p) {
            double[] sorted = frameMs.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }

        long over(double ms) {
            return Arrays.stream(frameMs).filter(f -> f > ms).count();
        }

        public String json() {
            return String.format(Locale.ROOT, "\"zoom_pan_t%d_viewport\": \"%dx%d\", \"zoom_pan_pyramid_build_ms\": %.1f,"
                    + " \"zoom_pan_summary_ms\": %.1f, \"zoom_pan_frames\": %d, \"zoom_pan_frame_ms_median\": %.2f,"
                    + " \"zoom_pan_frame_ms_p95\": %.2f, \"zoom_pan_frame_ms_max\": %.2f,"
                    + " \"zoom_pan_frames_over_16_7ms\": %d, \"zoom_pan_direct_frame_ms_median\": %.2f", t, width, height,
                    pyramidMs, summaryMs, frameMs.length, percentile(0.5), percentile(0.95), percentile(1),
                    over(1000 / 60.0), directMedianMs);
        }

        public String text() {
            return String.format(Locale.ROOT, "zoom/pan T=%d in %dx%d: %d frames, median %.2f ms, p95 %.2f ms, max %.2f"
                    + " ms, %d over 16.7 ms (without the pyramid: median %.2f ms); once per map: pyramid %.1f ms,"
                    + " value summary %.1f ms", t, width, height, frameMs.length, percentile(0.5), percentile(0.95),
                    percentile(1), over(1000 / 60.0), directMedianMs, pyramidMs, summaryMs);
        }
    }

    public static Result run(Matrix map, int width, int height) {
        long start = System.nanoTime();
        ValueSummary summary = ValueSummary.of(map);
        double summaryMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        MapPyramid pyramid = MapPyramid.of(map);
        double pyramidMs = (System.nanoTime() - start) / 1e6;
        ColourScale scale = ColourScales.choose(ScaleSpec.PER_MAP, summary);
        List<Viewport> script = script(map.rows(), map.columns(), width, height);
        int[] argb = new int[width * height];
        for (int i = 0; i < 10; i++) { // warm-up
            pyramid.render(script.get(i * 7), scale, width, height, argb);
        }
        double[] frames = new double[script.size()];
        for (int i = 0; i < frames.length; i++) {
            long s = System.nanoTime();
            pyramid.render(script.get(i), scale, width, height, argb);
            frames[i] = (System.nanoTime() - s) / 1e6;
        }
        double[] direct = new double[STEPS / 3];
        for (int i = 0; i < direct.length; i++) { // the zoomed-out end of the script, where the pyramid matters
            long s = System.nanoTime();
            MapRasterizer.render(map, script.get(i), scale, width, height, argb);
            direct[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(direct);
        return new Result(map.rows(), width, height, pyramidMs, summaryMs, frames, direct[direct.length / 2]);
    }

    /** @return the viewports of the script, as the view's zoom, pan and clamp would give them */
    static List<Viewport> script(int rows, int columns, int width, int height) {
        Viewport fit = Viewport.fit(rows, columns, width, height);
        List<Viewport> out = new ArrayList<>();
        Viewport v = fit;
        double px = width * 0.62;
        double py = height * 0.41;
        for (int i = 0; i < STEPS; i++) {
            v = v.zoomAt(px, py, 1.1, fit.pixelsPerCell()).clamp(rows, columns, width, height);
            out.add(v);
        }
        for (int i = 0; i < STEPS; i++) {
            v = v.panBy(i < STEPS / 2 ? -15 : 15, i < STEPS / 2 ? -9 : 9).clamp(rows, columns, width, height);
            out.add(v);
        }
        for (int i = 0; i < STEPS; i++) {
            v = v.zoomAt(px, py, 1 / 1.1, fit.pixelsPerCell()).clamp(rows, columns, width, height);
            out.add(v);
        }
        return out;
    }
}
