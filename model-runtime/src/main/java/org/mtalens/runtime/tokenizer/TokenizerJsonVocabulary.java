package org.mtalens.runtime.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.RegularFiles;
import org.mtalens.runtime.ShownName;

/**
 * What MTA Lens reads itself from a Hugging Face {@code tokenizer.json} (the encoding is DJL's): the
 * token string of every id, which ids are added (special) tokens, and whether the decoder is byte-level
 * (GPT-2/Llama-3 style, where each character of a token string stands for one byte).
 *
 * @param tokens token string by id, shape {@code [vocabularySize]} (null where an id is unused)
 * @param added ids of {@code added_tokens}
 * @param byteLevel whether the decoder is (or contains) {@code ByteLevel}
 */
record TokenizerJsonVocabulary(String[] tokens, Set<Integer> added, boolean byteLevel) {
    static final long MAX_FILE_BYTES = 256L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ID = 10_000_000;
    /** The shortest vocabulary entry, {@code "a":1,}. */
    static final int MIN_BYTES_PER_ID = 4;
    /** Ids any file may have, however short (the 256 bytes of a byte-level vocabulary). */
    private static final int MIN_IDS = 256;

    static TokenizerJsonVocabulary read(Path file) {
        JsonNode root = readTree(file);
        BpeMergeCheck.requireSafe(file, root.path("model"));
        JsonNode vocab = root.path("model").path("vocab");
        JsonNode addedTokens = root.path("added_tokens");
        String[] tokens = new String[requireWithinFile(file, size(file, vocab, addedTokens))];
        if (vocab.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                tokens[entry.getValue().asInt()] = entry.getKey();
            }
        } else {
            for (int id = 0; id < vocab.size(); id++) {
                tokens[id] = vocab.get(id).path(0).asText();
            }
        }
        Set<Integer> added = new HashSet<>();
        for (JsonNode token : addedTokens) {
            int id = token.path("id").asInt();
            tokens[id] = token.path("content").asText();
            added.add(id);
        }
        return new TokenizerJsonVocabulary(tokens, Set.copyOf(added), isByteLevel(root.path("decoder")));
    }

    int size() {
        return tokens.length;
    }

    /**
     * MTA Lens keeps a label for every id up to the largest, so the largest id must be one the file could
     * describe: every id takes an entry of at least {@value #MIN_BYTES_PER_ID} bytes ({@code "a":1,}). A file of
     * 274 bytes naming id 10,000,000 took 1.5 GB before; now the table is refused before it is allocated.
     */
    private static int requireWithinFile(Path file, int ids) {
        long fileBytes;
        try {
            fileBytes = Files.size(file);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        long most = Math.max(MIN_IDS, fileBytes / MIN_BYTES_PER_ID);
        if (ids > most) {
            throw new InvalidInputException(file + ": its largest token id is " + (ids - 1) + ", but a tokenizer.json of "
                    + fileBytes + " bytes describes at most " + most + " ids (each id needs an entry of at least "
                    + MIN_BYTES_PER_ID + " bytes); refusing to make a table of " + ids + " ids");
        }
        return ids;
    }

    private static JsonNode readTree(Path file) {
        try {
            RegularFiles.require(file);
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidInputException(file + ": too large for a tokenizer.json");
            }
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": not a readable tokenizer.json: " + e.getMessage(), e);
        }
    }

    /** One past the largest id in {@code model.vocab} (an object token→id, or a Unigram list) and {@code added_tokens}. */
    private static int size(Path file, JsonNode vocab, JsonNode addedTokens) {
        int max = -1;
        if (vocab.isObject()) {
            for (JsonNode id : vocab) {
                max = Math.max(max, requireId(file, id, "model.vocab"));
            }
        } else if (vocab.isArray()) {
            max = vocab.size() - 1;
        } else {
            throw new InvalidInputException(file + ": no 'model.vocab' (is this a Hugging Face tokenizer.json?)");
        }
        for (JsonNode token : addedTokens) {
            max = Math.max(max, requireId(file, token.path("id"), "added_tokens"));
        }
        return max + 1;
    }

    private static int requireId(Path file, JsonNode id, String field) {
        if (!id.canConvertToInt() || id.asInt() < 0 || id.asInt() > MAX_ID) {
            throw new InvalidInputException(file + ": '" + field + "' has an id '" + ShownName.of(id) + "' that is not between 0 and "
                    + MAX_ID);
        }
        return id.asInt();
    }

    private static boolean isByteLevel(JsonNode decoder) {
        if ("ByteLevel".equals(decoder.path("type").asText())) {
            return true;
        }
        for (JsonNode part : decoder.path("decoders")) {
            if (isByteLevel(part)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "TokenizerJsonVocabulary[" + tokens.length + " ids, " + added.size() + " added, byteLevel=" + byteLevel + "]";
    }
}
