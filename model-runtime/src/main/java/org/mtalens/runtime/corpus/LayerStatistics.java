package org.mtalens.runtime.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.mtalens.runtime.analysis.AttentionChange;
import org.mtalens.runtime.analysis.CellChange;
import org.mtalens.runtime.analysis.HeadChange;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.RowListener;

/**
 * The statistics of every head of one layer, from its {@code scores}, {@code softmax} and {@code final} rows as a
 * replay streams them (each query's {@code scores} row before its {@code final} row): only the plain rows of the
 * block in flight are held, and each head's {@code topK} cells by |final - plain|.
 */
public final class LayerStatistics implements RowListener {
    /** The stages the statistics read. */
    public static final Set<Stage> STAGES = Set.of(Stage.SCORES, Stage.SOFTMAX, Stage.FINAL);
    /** Best cell first: larger |final - plain|, then smaller query, then smaller key. */
    private static final Comparator<CellChange> BEST_FIRST = Comparator
            .comparingDouble((CellChange c) -> -Math.abs(c.difference())).thenComparingInt(CellChange::query)
            .thenComparingInt(CellChange::key);

    private final int layer;
    private final Optional<TargetBlock> target;
    private final int topK;
    private final AttentionChange.Rows change;
    private final Map<Integer, Head> heads = new TreeMap<>();

    /**
     * @param target the find-the-block target, if the document is an instance of the task
     * @param topK   cells kept per head (0 keeps none)
     */
    public LayerStatistics(int layer, Optional<TargetBlock> target, int topK) {
        this.layer = layer;
        this.target = target;
        this.topK = topK;
        this.change = new AttentionChange.Rows(layer);
    }

    private static final class Head {
        final Map<Integer, double[]> plainRows = new HashMap<>();
        final PriorityQueue<CellChange> cells = new PriorityQueue<>(BEST_FIRST.reversed());
        double softmaxEntropy;
        int softmaxRows;
        double finalEntropy;
        double distance;
        int usableRows;
        double sink;
        int sinkRows;
        double negative;
        double absolute;
        double targetMass = Double.NaN;
    }

    @Override
    public void row(Stage stage, int head, int query, float[] row) {
        Head h = heads.computeIfAbsent(head, k -> new Head());
        switch (stage) {
            case SCORES -> {
                h.plainRows.put(query, AttentionChange.plainRow(row, query));
                change.row(stage, head, query, row);
            }
            case SOFTMAX -> {
                h.softmaxEntropy += entropy(row, query);
                h.softmaxRows++;
            }
            case FINAL -> {
                change.row(stage, head, query, row);
                finalRow(h, query, row);
            }
            default -> {
            }
        }
    }

    private void finalRow(Head h, int query, float[] row) {
        double[] plain = h.plainRows.remove(query);
        double positive = 0;
        for (int k = 0; k <= query; k++) {
            double w = row[k];
            h.absolute += Math.abs(w);
            h.negative += Math.max(0, -w);
            positive += Math.max(0, w);
            keep(h, new CellChange(query, k, (float) plain[k], row[k]));
        }
        if (positive > 0) {
            double entropy = 0;
            double distance = 0;
            for (int k = 0; k <= query; k++) {
                double p = Math.max(0, row[k]) / positive;
                entropy -= p > 0 ? p * Math.log(p) : 0;
                distance += p * (query - k);
            }
            h.finalEntropy += entropy;
            h.distance += distance;
            h.usableRows++;
        }
        if (query > 0) {
            h.sink += row[0];
            h.sinkRows++;
        }
        target.filter(t -> t.answerQuery() == query).ifPresent(t -> h.targetMass = sum(row, t.start(), t.end()));
    }

    private void keep(Head h, CellChange cell) {
        if (topK == 0) {
            return;
        }
        if (h.cells.size() < topK) {
            h.cells.add(cell);
        } else if (BEST_FIRST.compare(cell, h.cells.peek()) < 0) {
            h.cells.poll();
            h.cells.add(cell);
        }
    }

    /** @return the entropy (nats) of {@code row[0..query]}, a distribution */
    static double entropy(float[] row, int query) {
        double entropy = 0;
        for (int k = 0; k <= query; k++) {
            double p = row[k];
            entropy -= p > 0 ? p * Math.log(p) : 0;
        }
        return entropy;
    }

    private static double sum(float[] row, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += row[k];
        }
        return sum;
    }

    /** @return one statistics record per head seen, by head */
    public List<HeadStatistics> heads() {
        Map<Integer, HeadChange> changes = new HashMap<>();
        change.heads().forEach(c -> changes.put(c.head(), c));
        List<HeadStatistics> all = new ArrayList<>();
        heads.forEach((head, h) -> {
            HeadChange c = changes.get(head);
            all.add(new HeadStatistics(layer, head, c.meanDivergence(), c.clippedMass(), mean(h.softmaxEntropy, h.softmaxRows),
                    mean(h.finalEntropy, h.usableRows), mean(h.distance, h.usableRows), mean(h.sink, h.sinkRows),
                    h.absolute > 0 ? h.negative / h.absolute : 0, h.targetMass));
        });
        return all;
    }

    /** @return each head's kept cells, best first, by head */
    public Map<Integer, List<CellChange>> topCells() {
        Map<Integer, List<CellChange>> cells = new TreeMap<>();
        heads.forEach((head, h) -> cells.put(head, h.cells.stream().sorted(BEST_FIRST).toList()));
        return cells;
    }

    private static double mean(double sum, int count) {
        return count == 0 ? Double.NaN : sum / count;
    }
}
