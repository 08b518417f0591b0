package org.mtalens.runtime.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.RowListener;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.runtime.model.Trace;

/**
 * Where MTA changed attention: per head, how far the {@code final} map is from what plain attention
 * would give (the softmax of the same head's {@code scores} over the causal keys), and the cells where
 * weight moved most.
 *
 * <p>Negative weights: after a post-softmax convolution or head mixing, a {@code final} row can hold
 * negative weights and need not sum to 1, so it is not a distribution. To compare it, each row is
 * clipped (negative weights set to 0) and renormalised to sum to 1; the fraction of the row's absolute
 * mass that was clipped is reported beside the divergence ({@link HeadChange#clippedMass()}), so a
 * large clipped fraction warns that the divergence describes only the positive part. A row with no
 * positive weight at all (e.g. a zeroed head) has no distribution: it is left out of the mean and
 * counted in {@link HeadChange#emptyRows()}. The cell ranking uses the unclipped weights.
 */
public final class AttentionChange {
    private AttentionChange() {
    }

    /** @return one {@link HeadChange} per layer and head that has both {@code scores} and {@code final} captured */
    public static List<HeadChange> perHead(RunResult result) {
        List<HeadChange> changes = new ArrayList<>();
        for (AttentionMap fin : result.maps()) {
            if (fin.stage() == Stage.FINAL) {
                Optional<AttentionMap> scores = result.map(fin.layer(), Stage.SCORES, fin.head());
                scores.ifPresent(s -> changes.add(of(s, fin)));
            }
        }
        changes.sort(Comparator.comparingInt(HeadChange::layer).thenComparingInt(HeadChange::head));
        return List.copyOf(changes);
    }

    /**
     * @return one {@link HeadChange} per head of {@code layer}, from a replay of the layer streamed row by row
     *         (the same figures as {@link #perHead(RunResult)} without holding its maps)
     */
    public static List<HeadChange> perHead(Trace trace, int layer, java.util.function.BooleanSupplier cancelled) {
        Rows rows = new Rows(layer);
        trace.rows(layer, java.util.Set.of(Stage.SCORES, Stage.FINAL), java.util.Set.of(), rows, cancelled);
        return rows.heads();
    }

    /**
     * @param scores one head's {@code scores} map
     * @param fin    the same head's {@code final} map
     */
    public static HeadChange of(AttentionMap scores, AttentionMap fin) {
        requireSameHead(scores, fin);
        Rows rows = new Rows(scores.layer());
        float[] row = new float[scores.tokens()];
        for (int q = 0; q < scores.tokens(); q++) {
            for (int k = 0; k <= q; k++) {
                row[k] = scores.value(q, k);
            }
            rows.row(Stage.SCORES, scores.head(), q, row);
            for (int k = 0; k <= q; k++) {
                row[k] = fin.value(q, k);
            }
            rows.row(Stage.FINAL, fin.head(), q, row);
        }
        return rows.heads().get(0);
    }

    /**
     * The per-head change of one layer, from its {@code scores} and {@code final} rows as a replay streams them
     * (each query's scores row before its final row): no whole map is held, only the plain-attention rows of the
     * block in flight.
     */
    public static final class Rows implements RowListener {
        private final int layer;
        private final Map<Integer, Head> heads = new TreeMap<>();

        public Rows(int layer) {
            this.layer = layer;
        }

        private static final class Head {
            final Map<Integer, double[]> plainRows = new HashMap<>();
            double divergence;
            double clipped;
            int used;
            int rows;
        }

        @Override
        public void row(Stage stage, int head, int query, float[] row) {
            Head h = heads.computeIfAbsent(head, k -> new Head());
            if (stage == Stage.SCORES) {
                h.plainRows.put(query, plainRow(row, query));
            } else if (stage == Stage.FINAL) {
                double[] plain = h.plainRows.remove(query);
                if (plain == null) {
                    throw new IllegalStateException("final row " + query + " of head " + head + " came before its scores row");
                }
                h.rows++;
                addRow(h, plain, row, query);
            }
        }

        private static void addRow(Head h, double[] plain, float[] fin, int query) {
            double[] finalRow = new double[query + 1];
            double negative = 0;
            double absolute = 0;
            for (int k = 0; k <= query; k++) {
                double w = fin[k];
                absolute += Math.abs(w);
                negative += Math.max(0, -w);
                finalRow[k] = Math.max(0, w);
            }
            if (!normalise(finalRow)) {
                return;
            }
            h.divergence += JensenShannon.divergence(plain, finalRow);
            h.clipped += negative / absolute;
            h.used++;
        }

        /** @return one change per head seen, by head */
        public List<HeadChange> heads() {
            List<HeadChange> changes = new ArrayList<>();
            heads.forEach((head, h) -> changes.add(new HeadChange(layer, head, h.used == 0 ? Double.NaN : h.divergence / h.used,
                    h.used == 0 ? 0 : h.clipped / h.used, h.rows - h.used)));
            return changes;
        }
    }

    /**
     * @return the head's causal cells (key at most query) by |final - plain softmax|, largest first, at most
     *         {@code limit} of them
     */
    public static List<CellChange> rankedCells(AttentionMap scores, AttentionMap fin, int limit) {
        requireSameHead(scores, fin);
        List<CellChange> cells = new ArrayList<>();
        for (int q = 0; q < scores.tokens(); q++) {
            double[] plain = plainRow(scores, q);
            for (int k = 0; k <= q; k++) {
                cells.add(new CellChange(q, k, (float) plain[k], fin.value(q, k)));
            }
        }
        cells.sort(Comparator.comparingDouble((CellChange c) -> -Math.abs(c.difference()))
                .thenComparingInt(CellChange::query).thenComparingInt(CellChange::key));
        return List.copyOf(cells.subList(0, Math.min(limit, cells.size())));
    }

    /** @return the softmax of row {@code q} of {@code scores} over keys 0..q (the causal mask), length q+1 */
    static double[] plainRow(AttentionMap scores, int q) {
        float[] row = new float[q + 1];
        for (int k = 0; k <= q; k++) {
            row[k] = scores.value(q, k);
        }
        return plainRow(row, q);
    }

    /**
     * @return the softmax of {@code scores[0..q]} (one query's scores over the causal keys), length q+1: the
     *         plain attention every MTA change is measured against
     */
    public static double[] plainRow(float[] scores, int q) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= q; k++) {
            max = Math.max(max, scores[k]);
        }
        double[] row = new double[q + 1];
        for (int k = 0; k <= q; k++) {
            row[k] = Math.exp(scores[k] - max);
        }
        normalise(row);
        return row;
    }

    /** Scales {@code row} to sum to 1 in place; @return false when it has no positive mass (left as is) */
    private static boolean normalise(double[] row) {
        double sum = 0;
        for (double v : row) {
            sum += v;
        }
        if (!(sum > 0)) {
            return false;
        }
        for (int i = 0; i < row.length; i++) {
            row[i] /= sum;
        }
        return true;
    }

    private static void requireSameHead(AttentionMap scores, AttentionMap fin) {
        if (scores.layer() != fin.layer() || scores.head() != fin.head() || scores.tokens() != fin.tokens()) {
            throw new IllegalArgumentException("scores of layer " + scores.layer() + " head " + scores.head()
                    + " and final of layer " + fin.layer() + " head " + fin.head() + " are not the same head's maps");
        }
    }
}
