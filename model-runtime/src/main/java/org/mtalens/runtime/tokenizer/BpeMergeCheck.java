package org.mtalens.runtime.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.mtalens.runtime.InvalidInputException;

/**
 * Refuses the BPE merges that make the Rust {@code tokenizers} library (0.21.1, inside DJL) panic while it
 * builds the model: a panic there cannot unwind into Java, so it aborts the whole JVM. Found by fuzzing
 * (RELIABILITY.md): the builder cuts {@code continuing_subword_prefix}'s length in bytes off the front of
 * every merge's second part, so a second part shorter than the prefix, or one whose cut falls inside a
 * UTF-8 character, crashes it.
 */
final class BpeMergeCheck {
    private BpeMergeCheck() {
    }

    /**
     * @param model the file's {@code model} object
     * @throws InvalidInputException naming the file, the merge and the prefix
     */
    static void requireSafe(Path file, JsonNode model) {
        JsonNode prefixNode = model.path("continuing_subword_prefix");
        if (!prefixNode.isTextual() || prefixNode.asText().isEmpty()) {
            return;
        }
        String prefix = prefixNode.asText();
        int cut = prefix.getBytes(StandardCharsets.UTF_8).length;
        int rank = 0;
        for (JsonNode merge : model.path("merges")) {
            String second = secondPart(merge);
            if (second != null && !cutsCleanly(second, cut)) {
                throw new InvalidInputException(file + ": merge " + rank + " (" + merge + ") has a second part of fewer than "
                        + cut + " bytes or not starting with whole characters, but 'continuing_subword_prefix' is '" + prefix
                        + "' (" + cut + " bytes): the Hugging Face tokenizers library would crash on it");
            }
            rank++;
        }
    }

    /** @return the second part of a merge written "a b" or ["a", "b"], or null when it is neither */
    private static String secondPart(JsonNode merge) {
        if (merge.isTextual() && merge.asText().startsWith("#version")) {
            return null; // the library skips these lines
        }
        if (merge.isTextual()) {
            String[] parts = merge.asText().split(" ", -1);
            return parts.length == 2 ? parts[1] : null;
        }
        return merge.isArray() && merge.size() == 2 && merge.get(1).isTextual() ? merge.get(1).asText() : null;
    }

    /** @return whether the first {@code cut} bytes of {@code text}'s UTF-8 form end on a character boundary */
    static boolean cutsCleanly(String text, int cut) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return cut <= bytes.length && (cut == bytes.length || (bytes[cut] & 0xC0) != 0x80);
    }
}
