package org.mtalens.runtime.analysis;

import java.util.Optional;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.RunResult;

/**
 * One head's map in a changed run (e.g. with parts switched off) minus the same map in the reference
 * run of the same input, at one stage.
 *
 * @param reference the reference run's map
 * @param changed   the changed run's map at the same layer, stage and head
 * @param values    T*T differences {@code changed - reference}, row-major; 0 above the diagonal
 * @param maxAbs    the largest |difference|; 0 when the maps are equal
 */
public record MapDifference(AttentionMap reference, AttentionMap changed, float[] values, float maxAbs) {

    /**
     * The difference at {@code wanted}, or at {@code final} when either run lacks that stage (a switched-off
     * stage is not captured): compare what both runs have.
     *
     * @return empty when either run lacks the head's {@code final} map too, or the runs differ in length
     */
    public static Optional<MapDifference> of(RunResult reference, RunResult changed, int layer, Stage wanted, int head) {
        Stage stage = reference.map(layer, wanted, head).isPresent() && changed.map(layer, wanted, head).isPresent()
                ? wanted : Stage.FINAL;
        Optional<AttentionMap> before = reference.map(layer, stage, head);
        Optional<AttentionMap> after = changed.map(layer, stage, head);
        if (before.isEmpty() || after.isEmpty() || before.get().tokens() != after.get().tokens()) {
            return Optional.empty();
        }
        return Optional.of(between(before.get(), after.get()));
    }

    /** @return {@code changed - reference}, cell by cell */
    public static MapDifference between(AttentionMap reference, AttentionMap changed) {
        float[] a = reference.values();
        float[] b = changed.values();
        if (a.length != b.length) {
            throw new IllegalArgumentException("maps over " + reference.tokens() + " and " + changed.tokens()
                    + " tokens cannot be subtracted");
        }
        float[] d = new float[a.length];
        float max = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = b[i] - a[i];
            max = Math.max(max, Math.abs(d[i]));
        }
        return new MapDifference(reference, changed, d, max);
    }

    /** @return the stage both maps are at */
    public Stage stage() {
        return reference.stage();
    }

    @Override
    public float[] values() {
        return values.clone();
    }
}
