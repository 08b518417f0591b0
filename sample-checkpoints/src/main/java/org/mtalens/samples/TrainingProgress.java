package org.mtalens.samples;

import java.util.Locale;

/**
 * Where a training run stands after one step.
 *
 * @param step            steps done (1-based)
 * @param steps           steps in all
 * @param loss            the step's loss (mean NLL per answer token)
 * @param learningRate    the step's learning rate
 * @param tokensPerSecond input tokens processed per second since this run (re)started
 * @param etaSeconds      estimated seconds left at that rate
 */
public record TrainingProgress(int step, int steps, double loss, double learningRate, double tokensPerSecond,
                               double etaSeconds) {
    private static final int BAR = 20;

    /** @return e.g. {@code step  300/3000 [##..................] loss 1.2345 lr 1.0e-03 5400 tok/s ETA 4m10s} */
    public String line() {
        int filled = (int) ((long) BAR * step / steps);
        String bar = "#".repeat(filled) + ".".repeat(BAR - filled);
        int width = String.valueOf(steps).length();
        return String.format(Locale.ROOT, "step %" + width + "d/%d [%s] loss %.4f lr %.1e %.0f tok/s ETA %s",
                step, steps, bar, loss, learningRate, tokensPerSecond, duration(etaSeconds));
    }

    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
