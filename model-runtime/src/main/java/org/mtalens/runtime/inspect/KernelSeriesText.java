package org.mtalens.runtime.inspect;

import java.io.PrintWriter;
import java.util.Locale;
import org.mtalens.runtime.analysis.KernelSeries;
import org.mtalens.runtime.analysis.KernelTrack;

/** The {@code kernels} command's table: one row per layer/kind/head, one distance column per checkpoint. */
final class KernelSeriesText {
    private KernelSeriesText() {
    }

    static void write(KernelSeries series, PrintWriter out) {
        int width = 10;
        for (String label : series.labels()) {
            width = Math.max(width, label.length());
        }
        String cell = "  %" + width + "s";
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-5s  %-19s  %4s", "layer", "kind", "head"));
        series.labels().forEach(l -> header.append(String.format(Locale.ROOT, cell, l)));
        out.println("Distance from the identity initialisation (L2), per checkpoint; pattern at the last one.");
        out.println(header.append("  pattern"));
        for (KernelTrack track : series.tracks()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-5d  %-19s  %4d",
                    track.layer(), track.kind(), track.head()));
            for (double d : track.distances()) {
                row.append(String.format(Locale.ROOT, cell, String.format(Locale.ROOT, "%.4f", d)));
            }
            out.println(row.append("  ").append(track.last().pattern().id()));
        }
    }
}
