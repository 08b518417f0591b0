package org.mtalens.viz.colour;

import java.util.ArrayList;
import java.util.List;

/** Tick values for a colour bar: round numbers for linear scales, powers of ten for log and symlog. */
public final class Ticks {
    private Ticks() {
    }

    /** @return ascending tick values inside [scale.min, scale.max], about {@code target} of them for linear scales */
    public static List<Double> of(ColourScale scale, int target) {
        return switch (scale.scale()) {
            case LINEAR -> linear(scale.min(), scale.max(), target);
            case LOG -> decades(scale.min(), scale.max());
            case SYMLOG -> symlog(scale);
        };
    }

    /** @return round ticks (1, 2 or 5 times a power of ten apart) covering [min, max] */
    public static List<Double> linear(double min, double max, int target) {
        double raw = (max - min) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag * (raw / mag < 1.5 ? 1 : raw / mag < 3.5 ? 2 : raw / mag < 7.5 ? 5 : 10);
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out;
    }

    private static List<Double> decades(double min, double max) {
        List<Double> out = new ArrayList<>();
        for (int e = (int) Math.ceil(Math.log10(min) - 1e-9); e <= Math.floor(Math.log10(max) + 1e-9); e++) {
            out.add(Math.pow(10, e));
        }
        return out;
    }

    private static List<Double> symlog(ColourScale s) {
        List<Double> out = new ArrayList<>();
        double bound = Math.max(Math.abs(s.min()), Math.abs(s.max()));
        List<Double> positive = decades(Math.max(s.linThreshold(), bound * 1e-3), bound);
        for (int i = positive.size() - 1; i >= 0; i--) {
            if (-positive.get(i) >= s.min()) {
                out.add(-positive.get(i));
            }
        }
        if (s.min() <= 0 && s.max() >= 0) {
            out.add(0.0);
        }
        for (double p : positive) {
            if (p <= s.max()) {
                out.add(p);
            }
        }
        return out;
    }

    /** @return a short label for a tick or a cell value: up to 3 significant digits, exponent form when tiny/huge */
    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.1e", v);
        }
        String s = String.format(java.util.Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
