package org.mtalens.runtime.model;

import java.nio.FloatBuffer;
import java.util.Set;
import org.mtalens.runtime.config.Stage;

/** A {@link StageSink} that hands one layer's rows of some stages and heads to a {@link RowListener}. */
final class RowStream implements StageSink {
    private final int layer;
    private final Set<Stage> stages;
    private final Set<Integer> heads;
    private final RowListener listener;
    private float[] row = new float[0];

    /** @param stages the stages (empty: all); @param heads the heads (empty: all) */
    RowStream(int layer, Set<Stage> stages, Set<Integer> heads, RowListener listener) {
        this.layer = layer;
        this.stages = stages;
        this.heads = heads;
        this.listener = listener;
    }

    @Override
    public boolean wants(int layer, Stage stage) {
        return layer == this.layer && (stages.isEmpty() || stages.contains(stage));
    }

    @Override
    public void stage(int layer, Stage stage, StageRows rows) {
        if (row.length < rows.keys()) {
            row = new float[rows.tokens()];
        }
        FloatBuffer block = rows.floats();
        for (int head = 0; head < rows.heads(); head++) {
            if (heads.isEmpty() || heads.contains(head)) {
                for (int query = rows.from(); query < rows.to(); query++) {
                    block.get(rows.offset(head, query), row, 0, query + 1);
                    listener.row(stage, head, query, row);
                }
            }
        }
    }
}
