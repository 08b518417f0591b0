package org.mtalens.runtime.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.RunResult;

/**
 * A run as numpy arrays with the reference fixtures' names: {@code tokens} [T] int64, {@code logits}
 * [T, V] float32, and {@code layer{L}/{stage}} [H, T, T] float32 for each captured stage (H = the
 * captured heads, in head order).
 */
public final class RunExport {
    private RunExport() {
    }

    /** @return the arrays of {@code result}, maps in forward order */
    public static List<NpyArray> arrays(RunResult result) {
        List<NpyArray> arrays = new ArrayList<>();
        int t = result.length();
        arrays.add(NpyArray.ofLongs("tokens", Arrays.stream(result.tokens()).asLongStream().toArray(), t));
        arrays.add(NpyArray.ofFloats("logits", result.logits(), t, result.vocabSize()));
        List<AttentionMap> maps = result.maps();
        int start = 0;
        while (start < maps.size()) {
            AttentionMap first = maps.get(start);
            int end = start;
            while (end < maps.size() && maps.get(end).layer() == first.layer() && maps.get(end).stage() == first.stage()) {
                end++;
            }
            arrays.add(stack(maps.subList(start, end), t));
            start = end;
        }
        return arrays;
    }

    /** Writes the run to an npz file atomically. */
    public static void writeNpz(RunResult result, Path file) throws IOException {
        Npz.write(file, arrays(result));
    }

    private static NpyArray stack(List<AttentionMap> heads, int t) {
        AttentionMap first = heads.get(0);
        int cells = t * t;
        float[] values = new float[heads.size() * cells];
        for (int i = 0; i < heads.size(); i++) {
            System.arraycopy(heads.get(i).values(), 0, values, i * cells, cells);
        }
        return NpyArray.ofFloats("layer" + first.layer() + "/" + first.stage().id(), values, heads.size(), t, t);
    }
}
