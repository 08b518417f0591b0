package org.mtalens.corpus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.util.LongAccumulator;
import org.mtalens.runtime.corpus.CorpusWorker;

/**
 * Runs one partition's documents on a loaded checkpoint (loaded once per executor thread from a path every executor
 * can read, and kept for its later partitions: {@link LoadedCheckpoints}), one at a time, each streamed layer by layer.
 * A document that fails is an outcome with its reason. The partition sends its best k cells of each head only.
 */
final class RunPartition implements MapPartitionsFunction<DocumentRow, OutcomeRow> {
    private static final long serialVersionUID = 1L;
    private final String checkpoint;
    private final String device;
    private final int maxTokens;
    private final int topK;
    private final LongAccumulator done;

    RunPartition(String checkpoint, String device, int maxTokens, int topK, LongAccumulator done) {
        this.checkpoint = checkpoint;
        this.device = device;
        this.maxTokens = maxTokens;
        this.topK = topK;
        this.done = done;
    }

    @Override
    public Iterator<OutcomeRow> call(Iterator<DocumentRow> documents) {
        List<OutcomeRow> outcomes = new ArrayList<>();
        if (!documents.hasNext()) {
            return outcomes.iterator();
        }
        TaskContext task = TaskContext.get();
        LoadedCheckpoints.Key key = new LoadedCheckpoints.Key(checkpoint, device, maxTokens, topK);
        CorpusWorker worker = LoadedCheckpoints.borrow(key);
        boolean finished = false;
        try {
            while (documents.hasNext()) {
                DocumentRow document = documents.next();
                outcomes.add(OutcomeRow.of(worker.run(document.document(), () -> task != null && task.isInterrupted())));
                done.add(1);
            }
            finished = true;
        } finally {
            LoadedCheckpoints.giveBack(key, worker, finished);
        }
        keepPartitionTopCells(outcomes);
        return outcomes.iterator();
    }

    /**
     * Keeps only the cells that can be among the corpus's top k of their head (this partition's best k), and the
     * tokens and labels of the documents that still have cells (the summary shows those documents, no others).
     */
    private void keepPartitionTopCells(List<OutcomeRow> outcomes) {
        PartitionTopCells best = new PartitionTopCells(topK);
        outcomes.forEach(o -> best.offer(o.getId(), o.getCells()));
        Set<TopCellRow> kept = best.kept();
        for (OutcomeRow outcome : outcomes) {
            outcome.setCells(outcome.getCells().stream().filter(kept::contains).toList());
            if (outcome.getCells().isEmpty()) {
                outcome.setTokens(new int[0]);
                outcome.setLabels(List.of());
            }
        }
    }
}
