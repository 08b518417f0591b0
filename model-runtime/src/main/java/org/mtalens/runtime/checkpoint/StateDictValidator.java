package org.mtalens.runtime.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.ModelConfig;

/**
 * Checks a state dict against what its config needs ({@link ModelConfig#expectedTensorShapes()}):
 * every key present, none unexpected, every shape equal. A tied output missing from the file (as a
 * safetensors conversion drops it) is the embedding, shared, not a second copy.
 */
final class StateDictValidator {
    private static final String TIED_OUTPUT = "output.tied_module.weight";
    private static final String EMBEDDING = "tok_embeddings.weight";
    private static final int KEYS_SHOWN = 5;

    private StateDictValidator() {
    }

    /** @return the tensors in the config's order; a problem is an {@link InvalidInputException} naming the key */
    static Map<String, Tensor> validate(Path source, ModelConfig config, Map<String, Tensor> tensors) {
        Map<String, Tensor> all = new LinkedHashMap<>(tensors);
        if (config.isOutputTied() && !all.containsKey(TIED_OUTPUT) && all.containsKey(EMBEDDING)) {
            Tensor embedding = all.get(EMBEDDING);
            all.put(TIED_OUTPUT, new Tensor(TIED_OUTPUT, embedding.shape(), embedding.dtype(), embedding.data(),
                    embedding.origin()));
        }
        Map<String, long[]> expected = config.expectedTensorShapes();
        List<String> missing = expected.keySet().stream().filter(k -> !all.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(source + ": missing tensor" + plural(missing) + " " + shown(missing)
                    + " that the config needs");
        }
        List<String> unexpected = all.keySet().stream().filter(k -> !expected.containsKey(k)).toList();
        if (!unexpected.isEmpty()) {
            throw new InvalidInputException(source + ": unexpected tensor" + plural(unexpected) + " " + shown(unexpected)
                    + " that the config does not describe (does the config match the weights?)");
        }
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            Tensor t = all.get(e.getKey());
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new InvalidInputException(source + ": tensor '" + e.getKey() + "' has shape "
                        + Arrays.toString(t.shape()) + " but the config needs " + Arrays.toString(e.getValue()));
            }
            ordered.put(e.getKey(), t);
        }
        return ordered;
    }

    private static String plural(List<String> keys) {
        return keys.size() == 1 ? "" : "s";
    }

    private static String shown(List<String> keys) {
        List<String> quoted = new ArrayList<>();
        keys.stream().limit(KEYS_SHOWN).forEach(k -> quoted.add("'" + k + "'"));
        String more = keys.size() > KEYS_SHOWN ? " and " + (keys.size() - KEYS_SHOWN) + " more" : "";
        return String.join(", ", quoted) + more;
    }
}
