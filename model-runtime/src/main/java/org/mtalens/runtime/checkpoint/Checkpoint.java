package org.mtalens.runtime.checkpoint;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.ModelConfig;

/**
 * A loaded checkpoint: its config, its tensors (compact, by state-dict key) and the warnings loading
 * raised (e.g. non-finite weights). Immutable.
 *
 * @param source   the weights file that was read
 * @param format   which layout it was
 * @param config   the validated model arguments
 * @param tensors  every tensor by state-dict key, in file order
 * @param warnings things the user should know that did not stop loading
 */
public record Checkpoint(Path source, CheckpointFormat format, ModelConfig config, Map<String, Tensor> tensors,
                         List<String> warnings) {
    public Checkpoint {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        warnings = List.copyOf(warnings);
    }

    /** @return the tensor with this key; a missing key is an {@link InvalidInputException} naming it */
    public Tensor tensor(String key) {
        Tensor t = tensors.get(key);
        if (t == null) {
            throw new InvalidInputException(source + ": missing tensor '" + key + "'");
        }
        return t;
    }

    /** @return a display name: the config's name, else the folder's */
    public String displayName() {
        if (config.name() != null && !config.name().isBlank()) {
            return config.name();
        }
        Path folder = source.getParent();
        if (folder != null && folder.getFileName() != null && folder.getFileName().toString().equals("consolidated")) {
            folder = folder.getParent();
        }
        return folder == null || folder.getFileName() == null ? source.toString() : folder.getFileName().toString();
    }
}
