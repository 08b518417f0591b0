package org.mtalens.viz.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mtalens.viz.HeadMixing;
import org.mtalens.viz.Kernel;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.Scale;

/** Turns kernels and head-mixing matrices into labelled grids: offsets on the axes, heads by number. */
public final class KernelGrids {
    private KernelGrids() {
    }

    /** @return the query-offset labels of a kernel's rows: "-(c_q-1)" .. "0" */
    public static List<String> queryOffsetLabels(Kernel k) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < k.queryTaps(); r++) {
            out.add(signed(k.queryOffset(r)));
        }
        return out;
    }

    /** @return the key-offset labels of a kernel's columns for its pad_key, e.g. "-2" .. "+2" for both, c_k=5 */
    public static List<String> keyOffsetLabels(Kernel k) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < k.keyTaps(); c++) {
            out.add(signed(k.keyOffset(c)));
        }
        return out;
    }

    private static String signed(int v) {
        return v > 0 ? "+" + v : Integer.toString(v);
    }

    /** @return the grid of one head's kernel, identity tap marked, coloured with {@code scale} */
    public static GridData kernelHead(Kernel k, int head, ColourScale scale) {
        int n = k.queryTaps() * k.keyTaps();
        float[] v = Arrays.copyOfRange(k.values(), head * n, (head + 1) * n);
        return new GridData("head " + head, k.queryTaps(), k.keyTaps(), v, queryOffsetLabels(k), keyOffsetLabels(k),
                "query offset", "key offset", k.identityRow(), k.identityColumn(), null, scale);
    }

    /** @return the diverging scale shared by all heads of a kernel, symmetric around 0 */
    public static ColourScale sharedScale(Kernel k) {
        return ColourScale.forKind(ValueKind.SIGNED, k.absMax(), Scale.LINEAR);
    }

    /** @return the head-mixing grid: rows are destination heads, columns source heads; other groups blank */
    public static GridData headMixing(HeadMixing m) {
        int n = m.heads();
        boolean[] blank = new boolean[n * n];
        float absMax = 0;
        for (int dst = 0; dst < n; dst++) {
            for (int src = 0; src < n; src++) {
                blank[dst * n + src] = !m.mixes(dst, src);
                if (m.mixes(dst, src)) {
                    absMax = Math.max(absMax, Math.abs(m.weight(dst, src)));
                }
            }
        }
        List<String> heads = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            heads.add("h" + h);
        }
        return new GridData(m.title(), n, n, m.weights(), heads, heads, "destination head", "source head", -1, -1,
                blank, ColourScale.forKind(ValueKind.SIGNED, absMax, Scale.LINEAR));
    }
}
