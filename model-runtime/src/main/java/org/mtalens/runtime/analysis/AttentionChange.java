package org.mtalens.runtime.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.RunResult;

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
     * @param scores one head's {@code scores} map
     * @param fin    the same head's {@code final} map
     */
    public static HeadChange of(AttentionMap scores, AttentionMap fin) {
        requireSameHead(scores, fin);
        int t = scores.tokens();
        double divergence = 0;
        double clipped = 0;
        int used = 0;
        for (int q = 0; q < t; q++) {
            double[] finalRow = new double[q + 1];
            double negative = 0;
            double absolute = 0;
            for (int k = 0; k <= q; k++) {
                double w = fin.value(q, k);
                absolute += Math.abs(w);
                negative += Math.max(0, -w);
                finalRow[k] = Math.max(0, w);
            }
            if (!normalise(finalRow)) {
                continue;
            }
            divergence += JensenShannon.divergence(plainRow(scores, q), finalRow);
            clipped += negative / absolute;
            used++;
        }
        return new HeadChange(scores.layer(), scores.head(), used == 0 ? Double.NaN : divergence / used,
                used == 0 ? 0 : clipped / used, t - used);
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
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= q; k++) {
            max = Math.max(max, scores.value(q, k));
        }
        double[] row = new double[q + 1];
        for (int k = 0; k <= q; k++) {
            row[k] = Math.exp(scores.value(q, k) - max);
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
