package org.mtalens.app.session;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.inspect.CheckpointInspection;
import org.mtalens.runtime.model.ComputeDevice;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.tokenizer.TokenizerLookup;
import org.mtalens.runtime.tokenizer.Tokenizers;
import org.mtalens.samples.FindBlockTask;
import org.mtalens.samples.SampleCheckpoints;

/** Opens checkpoints into sessions; the app's only door to the runtime's loaders. */
@FunctionalInterface
public interface SessionLoader {
    /**
     * @param path      a checkpoint folder, its consolidated/ folder or a weights file
     * @param cancelled checked while loading
     * @return the open session
     * @throws org.mtalens.runtime.InvalidInputException for a bad checkpoint, with a message naming the problem
     */
    ModelSession load(Path path, BooleanSupplier cancelled);

    /** @return the toy task a find-the-block checkpoint was trained on, if it is one */
    static Optional<FindBlockTask> findBlockTask(Checkpoint checkpoint) {
        try {
            return Optional.of(SampleCheckpoints.task(checkpoint.source().getParent()));
        } catch (InvalidInputException notAToyCheckpoint) {
            return Optional.empty();
        }
    }

    /** Loads with the runtime onto the default device (a GPU when there is one). */
    static SessionLoader runtime() {
        return (path, cancelled) -> {
            Checkpoint checkpoint = CheckpointLoader.load(path);
            CheckpointInspection inspection = CheckpointInspection.of(checkpoint);
            TokenizerLookup tokenizer = Tokenizers.forCheckpoint(checkpoint.config().tokenizer(), checkpoint.source().getParent(),
                    Optional.empty());
            return new ModelSession(checkpoint, inspection, ModelRunner.load(checkpoint, ComputeDevice.resolve(null), cancelled),
                    tokenizer, findBlockTask(checkpoint));
        };
    }
}
