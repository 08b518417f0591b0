package org.mtalens.runtime.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.model.ComputeDevice;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.PassProgress;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.TraceRequest;
import org.mtalens.runtime.run.ModelInput;
import org.mtalens.runtime.tokenizer.BosToken;
import org.mtalens.runtime.tokenizer.RawTokenIds;
import org.mtalens.runtime.tokenizer.TokenizerLookup;
import org.mtalens.runtime.tokenizer.Tokenizers;

/**
 * Runs corpus documents one at a time on one loaded checkpoint (one per worker thread: a {@link ModelRunner} is
 * not thread-safe). A document that cannot run (text the tokenizer cannot encode, an id outside the vocabulary,
 * longer than {@code maxTokens} or max_seqlen, a failure inside the pass) comes back as a failed outcome.
 */
public final class CorpusWorker implements AutoCloseable {
    private final ModelRunner runner;
    private final TokenizerLookup tokenizer;
    private final int maxTokens;
    private final int topK;

    /**
     * @param maxTokens longest document run (longer ones fail); 0 for max_seqlen
     * @param topK      cells kept per head and document
     */
    public CorpusWorker(Path checkpointPath, String device, int maxTokens, int topK) {
        Checkpoint checkpoint = CheckpointLoader.load(checkpointPath);
        this.tokenizer = Tokenizers.forCheckpoint(checkpoint.config().tokenizer(), checkpoint.source().getParent(),
                java.util.Optional.empty());
        this.runner = ModelRunner.load(checkpoint, ComputeDevice.resolve(device));
        this.maxTokens = maxTokens;
        this.topK = topK;
    }

    /** @return the document's statistics, or its failure with the reason */
    public DocumentOutcome run(CorpusDocument document, BooleanSupplier cancelled) {
        ModelInput input;
        try {
            input = input(document);
        } catch (InvalidInputException | IllegalArgumentException e) {
            return new DocumentOutcome(document.id(), new int[0], List.of(), null, e.getMessage());
        }
        try {
            int[] ids = input.ids();
            if (maxTokens > 0 && ids.length > maxTokens) {
                throw new InvalidInputException("the document has " + ids.length + " tokens, more than --max-T " + maxTokens);
            }
            input.validateFor(runner.checkpoint().config(), false);
            Trace trace = runner.trace(TraceRequest.of(ids), new PassProgress() {
                @Override
                public boolean cancelled() {
                    return cancelled.getAsBoolean();
                }
            });
            DocumentStatistics statistics = DocumentStatistics.of(trace, document.id(), input.labels(),
                    document.targetBlock(), topK, cancelled);
            return new DocumentOutcome(document.id(), ids, input.labels(), statistics, null);
        } catch (RuntimeException e) {
            String reason = e instanceof InvalidInputException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new DocumentOutcome(document.id(), input.ids(), input.labels(), null, reason);
        }
    }

    private ModelInput input(CorpusDocument document) {
        if (document.text() != null) {
            return ModelInput.ofText(document.text(), tokenizer, BosToken.ADD);
        }
        int[] ids = document.tokens();
        ModelRunner.validate(runner.checkpoint().config(), ids, true); // ids outside the vocabulary fail here, named
        return new ModelInput(ids, tokenizer.tokenizer().filter(t -> t.vocabularySize() >= runner.checkpoint().config()
                .vocabSize()).map(t -> t.describe(ids)).orElseGet(() -> RawTokenIds.describe(ids)));
    }

    @Override
    public void close() {
        runner.close();
    }
}
