package org.mtalens.runtime.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;

/**
 * Reads a corpus: a JSONL file, or a folder of {@code *.jsonl} files (in name order), one document per line,
 * {@code {"id": ..., "text": "..."}} or {@code {"id": ..., "tokens": [ids]}}; blank lines are skipped. A line that is
 * not such an object, or an id seen before, is bad input naming the file, line and field. (Whether the text encodes
 * and the ids fit the model is checked per document when it runs: such a document fails alone.)
 */
public final class CorpusInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusInput() {
    }

    /** @return the documents of {@code path}, a JSONL file or a folder of them */
    public static List<CorpusDocument> read(Path path) {
        List<Path> files = files(path);
        List<CorpusDocument> documents = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : files) {
            readFile(file, documents, seen);
        }
        return documents;
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidInputException("--input " + ShownName.of(path) + " is neither a JSONL file nor a folder");
        }
        try (Stream<Path> listed = Files.list(path)) {
            List<Path> files = listed.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new InvalidInputException("--input folder " + ShownName.of(path) + " holds no *.jsonl file");
            }
            return files;
        } catch (IOException e) {
            throw new InvalidInputException("cannot list --input folder " + ShownName.of(path) + ": " + e.getMessage());
        }
    }

    private static void readFile(Path file, List<CorpusDocument> documents, Map<String, String> seen) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int number = 1; (line = reader.readLine()) != null; number++) {
                if (!line.isBlank()) {
                    String where = ShownName.of(file.getFileName()) + " line " + number;
                    CorpusDocument document = parse(line, where);
                    String before = seen.putIfAbsent(document.id(), where);
                    if (before != null) {
                        throw new InvalidInputException(where + ": id '" + ShownName.of(document.id()) + "' was already used on "
                                + before + "; ids must be unique");
                    }
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + ShownName.of(file) + ": " + e.getMessage());
        }
    }

    /** @return the document of one JSONL line; {@code where} names the line in messages */
    public static CorpusDocument parse(String line, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(where + ": not a JSON object (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(where + ": not a JSON object");
        }
        JsonNode id = node.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
            throw new InvalidInputException(where + ": field 'id' is missing or not a non-empty string or integer");
        }
        JsonNode text = node.get("text");
        JsonNode tokens = node.get("tokens");
        if ((text == null) == (tokens == null)) {
            throw new InvalidInputException(where + ": give exactly one of the fields 'text' and 'tokens'");
        }
        if (text != null) {
            if (!text.isTextual()) {
                throw new InvalidInputException(where + ": field 'text' is not a string");
            }
            return CorpusDocument.ofText(id.asText(), text.asText(), where);
        }
        return CorpusDocument.ofTokens(id.asText(), ids(tokens, where), null, where);
    }

    private static int[] ids(JsonNode tokens, String where) {
        if (!tokens.isArray()) {
            throw new InvalidInputException(where + ": field 'tokens' is not an array of token ids");
        }
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode id = tokens.get(i);
            if (!id.isIntegralNumber() || !id.canConvertToInt() || id.asInt() < 0) {
                throw new InvalidInputException(where + ": field 'tokens[" + i + "]' is " + ShownName.of(id.toString())
                        + ", not a token id (an integer >= 0)");
            }
            ids[i] = id.asInt();
        }
        return ids;
    }
}
