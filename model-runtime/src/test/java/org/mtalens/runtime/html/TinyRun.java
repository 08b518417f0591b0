package org.mtalens.runtime.html;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.RunRequest;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.runtime.run.ModelInput;
import org.mtalens.runtime.testing.Fixtures;

/**
 * The official {@code tiny} fixture (2 layers, 4 heads) on its 24 reference tokens, with a full run to compare
 * pages against.
 */
record TinyRun(Checkpoint checkpoint, ModelRunner runner, ModelInput input, RunResult full) implements AutoCloseable {
    static TinyRun open() {
        Checkpoint checkpoint = CheckpointLoader.load(Fixtures.folder("tiny"));
        ModelRunner runner = ModelRunner.load(checkpoint, Device.cpu());
        int[] ids = Fixtures.tokens("tiny");
        ModelInput input = ModelInput.ofIds(String.join(",", Arrays.stream(ids).mapToObj(Integer::toString).toList()),
                checkpoint.config().vocabSize(), Optional.empty());
        return new TinyRun(checkpoint, runner, input, runner.run(RunRequest.of(ids)));
    }

    /** Writes the page of {@code layers} with maps of at most {@code maxCells} cells per side. */
    Path page(Path file, List<Integer> layers, int maxCells) throws IOException {
        HtmlExport.write(runner, input, layers, maxCells, file, () -> false, share -> { });
        return file;
    }

    @Override
    public void close() {
        runner.close();
    }
}
