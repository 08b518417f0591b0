package org.mtalens.corpus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.util.LongAccumulator;
import org.mtalens.runtime.corpus.CorpusWorker;

/**
 * Runs one partition's documents: loads the checkpoint once (from a path every executor can read), then runs the
 * documents one at a time, each streamed layer by layer. A document that fails is an outcome with its reason.
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
        try (CorpusWorker worker = new CorpusWorker(CorpusInputs.checkpoint(checkpoint), device, maxTokens, topK)) {
            while (documents.hasNext()) {
                DocumentRow document = documents.next();
                outcomes.add(OutcomeRow.of(worker.run(document.document(), () -> task != null && task.isInterrupted())));
                done.add(1);
            }
        }
        return outcomes.iterator();
    }
}
