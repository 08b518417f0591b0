package org.mtalens.app.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.inspect.CheckpointInspection;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.tokenizer.TokenizerLookup;
import org.mtalens.samples.FindBlockTask;

/**
 * One open checkpoint: what was loaded, its inspection, and the runner that computes on it.
 * Closed (freeing the weights) on the inference thread when another replaces it.
 *
 * @param checkpoint the loaded checkpoint
 * @param inspection its parameters, stage plan and kernel drift
 * @param runner     the forward pass on the chosen device
 * @param tokenizer  the checkpoint's tokenizer, or why there is none (then only raw ids can be typed)
 * @param findBlockTask the find-the-block task when this is a toy-task checkpoint (the app then offers new instances)
 */
public record ModelSession(Checkpoint checkpoint, CheckpointInspection inspection, ModelRunner runner,
                           TokenizerLookup tokenizer, Optional<FindBlockTask> findBlockTask) implements AutoCloseable {
    /** @return the name shown in the title and outline */
    public String name() {
        return checkpoint.displayName();
    }

    /**
     * An input to run right after opening: the checkpoint's {@code tokens.txt} when it has one
     * (the reference fixtures do), else the first few token ids.
     */
    public String exampleInput() {
        Path folder = checkpoint.source().getParent();
        for (Path candidate : new Path[] {folder.resolve("tokens.txt"), folder.resolveSibling("tokens.txt")}) {
            try {
                if (Files.isRegularFile(candidate) && Files.size(candidate) < 64_000) {
                    return Files.readString(candidate).trim();
                }
            } catch (java.io.IOException ignored) {
                // fall through to the generic example
            }
        }
        int length = Math.min(12, Math.min(checkpoint.config().maxSeqlen(), checkpoint.config().vocabSize()));
        return IntStream.range(0, length).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** @return the same session with another tokenizer (the runner and weights are shared, not copied) */
    public ModelSession withTokenizer(TokenizerLookup other) {
        return new ModelSession(checkpoint, inspection, runner, other, findBlockTask);
    }

    @Override
    public void close() {
        runner.close();
    }
}
