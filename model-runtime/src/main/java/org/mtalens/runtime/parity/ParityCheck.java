package org.mtalens.runtime.parity;

import ai.djl.Device;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.export.NpyArray;
import org.mtalens.runtime.export.RunExport;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.RunRequest;
import org.mtalens.runtime.model.RunResult;

/** Runs a reference fixture's checkpoint on its tokens, capturing everything, and compares with the official arrays. */
public final class ParityCheck {
    private ParityCheck() {
    }

    /** @return every float array of the fixture compared (integer arrays, such as {@code tokens}, are inputs) */
    public static FixtureParity run(ReferenceFixture fixture, Device device) {
        Map<String, NpyArray> reference = fixture.reference();
        int[] tokens = fixture.tokens();
        Checkpoint checkpoint = CheckpointLoader.load(fixture.folder());
        try (ModelRunner runner = ModelRunner.load(checkpoint, device)) {
            RunResult result = runner.run(new RunRequest(tokens, CaptureSelection.all(), true));
            Map<String, NpyArray> produced = produced(result);
            List<ArrayParity> arrays = reference.values().stream().filter(expected -> !expected.isInteger())
                    .map(expected -> compare(expected, produced.get(expected.name()))).toList();
            return new FixtureParity(fixture.name(), checkpoint.format().description(), tokens.length, result.device(), arrays);
        }
    }

    /** @return the run's arrays under the reference's names: logits, {@code layer{L}/{stage}} maps, activations */
    private static Map<String, NpyArray> produced(RunResult result) {
        Map<String, NpyArray> byName = new HashMap<>();
        result.activations().values().forEach(a -> byName.put(a.name(), NpyArray.ofFloats(a.name(), a.floats(), a.shape())));
        RunExport.arrays(result).forEach(a -> byName.put(a.name(), a));
        return byName;
    }

    private static ArrayParity compare(NpyArray expected, NpyArray actual) {
        if (actual == null || actual.isInteger()) {
            return ArrayParity.missing(expected.name(), expected.shape(), "MTA Lens's run does not produce it");
        }
        return ArrayParity.compare(expected.name(), expected.shape(), actual.floats(), expected.floats());
    }
}
