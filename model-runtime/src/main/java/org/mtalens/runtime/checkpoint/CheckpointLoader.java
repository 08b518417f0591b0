package org.mtalens.runtime.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.ModelConfigReader;

/**
 * Opens a checkpoint in either layout (docs/ARCHITECTURE.md, "Checkpoints"), validates it against its config and
 * scans it for non-finite weights, checking the CRC-32 of a torch zip's entries on the way (one read of
 * the weights serves both). Tensors stay compact (memory-mapped views of the file).
 */
public final class CheckpointLoader {
    private static final String TIED_OUTPUT = "output.tied_module.weight";

    private CheckpointLoader() {
    }

    /**
     * Loads the checkpoint at {@code path}: its folder, its {@code consolidated/} folder or its weights
     * file. A folder holding both layouts is read as the official one.
     *
     * @throws InvalidInputException naming the file, key or field when the checkpoint cannot be used
     */
    public static Checkpoint load(Path path) {
        return load(CheckpointLayout.locate(path));
    }

    /** Loads the given layout of a folder holding both (e.g. to compare them). */
    public static Checkpoint load(Path folder, CheckpointFormat format) {
        CheckpointLayout layout = CheckpointLayout.inFolder(folder, format);
        if (layout == null) {
            throw new InvalidInputException(folder + ": no " + format.description() + " checkpoint here");
        }
        return load(layout);
    }

    /** Loads a located layout. */
    public static Checkpoint load(CheckpointLayout layout) {
        ModelConfig config = readConfig(layout);
        WeightsFile weights = readWeights(layout);
        Map<String, Tensor> tensors = StateDictValidator.validate(layout.weights(), config, weights.tensors());
        List<String> warnings = scan(config, tensors, weights.checksums());
        return new Checkpoint(layout.weights(), layout.format(), config, tensors, warnings);
    }

    /** Reads only the config of a checkpoint (fast; the weights are not touched). */
    public static ModelConfig readConfig(CheckpointLayout layout) {
        return layout.format() == CheckpointFormat.OFFICIAL_PTH
                ? ModelConfigReader.readParamsJson(layout.config())
                : ModelConfigReader.readConfigJson(layout.config());
    }

    private static WeightsFile readWeights(CheckpointLayout layout) {
        return layout.format() == CheckpointFormat.OFFICIAL_PTH
                ? PthReader.open(layout.weights())
                : new WeightsFile(SafetensorsReader.read(layout.weights()), StorageChecksums.none());
    }

    /**
     * Reads every tensor once: one warning per tensor with NaN or infinite values (a tied output is the
     * embedding, scanned once), and the bytes feed the CRC checks of the entries they lie in.
     */
    private static List<String> scan(ModelConfig config, Map<String, Tensor> tensors, StorageChecksums checksums) {
        List<String> warnings = new ArrayList<>();
        tensors.values().stream().filter(t -> !(config.isOutputTied() && t.name().equals(TIED_OUTPUT))).forEach(t -> {
            NonFiniteScan scan = new NonFiniteScan(t.dtype());
            t.forEachChunk((bytes, at) -> {
                checksums.feed(t.origin(), at, bytes);
                scan.add(bytes);
            });
            long bad = scan.count();
            if (bad > 0) {
                warnings.add("tensor '" + ShownName.of(t.name()) + "' has " + bad + " non-finite value" + (bad == 1 ? "" : "s")
                        + " (NaN or infinity) of " + t.elementCount());
            }
        });
        checksums.finish();
        return warnings;
    }
}
