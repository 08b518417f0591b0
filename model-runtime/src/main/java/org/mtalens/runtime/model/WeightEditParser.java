package org.mtalens.runtime.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;
import org.mtalens.runtime.config.ModelConfig;

/**
 * Reads weight edits: {@code NAME=[[...],...]} items ({@code --set}) and JSON objects of NAME -> array
 * ({@code --set-file}), checked against the model. Names: {@value #SYNTAX}.
 */
public final class WeightEditParser {
    /** The syntax of one name, as printed in messages and help. */
    public static final String SYNTAX = "L<layer>.pre_sm_conv.head<h>, L<layer>.post_sm_conv.head<h>, L<layer>.wpsm, "
            + "L<layer>.wposm or L<layer>.head_kernel.group<g>";
    /** Largest edits file read. */
    private static final long MAX_FILE_BYTES = 16L << 20;
    private static final Pattern NAME = Pattern.compile("[lL](\\d{1,6})\\.([a-z_]+)(?:\\.(head|group)(\\d{1,6}))?");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private WeightEditParser() {
    }

    /**
     * @param items {@code NAME=[[...],...]} each
     * @throws InvalidInputException naming the bad item
     */
    public static WeightEdits parse(List<String> items, ModelConfig config) {
        List<WeightEdit> edits = new ArrayList<>();
        for (String item : items) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw new InvalidInputException("--set '" + ShownName.of(item) + "' is not NAME=[[...],...] ("
                        + SYNTAX + ")");
            }
            String name = item.substring(0, equals).trim();
            edits.add(edit(name, array(item.substring(equals + 1), "--set " + name), "--set " + name, config));
        }
        return checked(WeightEdits.of(edits), config);
    }

    /**
     * @param file a JSON object NAME -> [[...],...]
     * @throws InvalidInputException naming the file and the bad name
     */
    public static WeightEdits read(Path file, ModelConfig config) {
        String where = ShownName.of(file);
        JsonNode root;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidInputException(where + ": an edits file is at most " + (MAX_FILE_BYTES >> 20) + " MiB");
            }
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(where + ": not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidInputException(where + ": cannot read it (" + e.getMessage() + ")");
        }
        return fromJson(root, where, config);
    }

    /** @return the edits of a JSON object NAME -> array, {@code where} naming its source in messages */
    public static WeightEdits fromJson(JsonNode root, String where, ModelConfig config) {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(where + ": expected a JSON object of NAME -> [[...],...] (" + SYNTAX + ")");
        }
        List<WeightEdit> edits = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String context = where + ": '" + ShownName.of(field.getKey()) + "'";
            edits.add(edit(field.getKey().trim(), rows(field.getValue(), context), context, config));
        }
        return checked(WeightEdits.of(edits), config);
    }

    private static WeightEdits checked(WeightEdits edits, ModelConfig config) {
        edits.validateFor(config);
        return edits;
    }

    private static WeightEdit edit(String name, float[][] values, String context, ModelConfig config) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new InvalidInputException(context + ": the name is not " + SYNTAX);
        }
        int layer = Integer.parseInt(m.group(1));
        EditablePart part = EditablePart.byId(m.group(2)).orElseThrow(() -> new InvalidInputException(context
                + ": unknown weight '" + m.group(2) + "' (pre_sm_conv, post_sm_conv, wpsm, wposm, head_kernel)"));
        String indexName = part.indexName().orElse(null);
        if (indexName == null ? m.group(3) != null : !indexName.equals(m.group(3))) {
            throw new InvalidInputException(context + ": " + part.id() + (indexName == null ? " is one matrix per layer"
                    + ", named L" + layer + "." + part.id() : " is edited one " + indexName + " at a time, e.g. L" + layer
                    + "." + part.id() + "." + indexName + "0"));
        }
        WeightEdit edit = new WeightEdit(layer, part, indexName == null ? 0 : Integer.parseInt(m.group(4)), values);
        String problem = edit.problem(config);
        if (problem != null) {
            throw new InvalidInputException(context + ": " + problem);
        }
        return edit;
    }

    private static float[][] array(String text, String context) {
        try {
            return rows(JSON.readTree(text), context);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(context + ": the value is not a JSON array of rows ("
                    + e.getOriginalMessage() + ")");
        }
    }

    private static float[][] rows(JsonNode node, String context) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidInputException(context + ": expected an array of rows, e.g. [[0,1],[1,0]]");
        }
        float[][] rows = new float[node.size()][];
        for (int r = 0; r < rows.length; r++) {
            JsonNode row = node.get(r);
            if (!row.isArray()) {
                throw new InvalidInputException(context + ": row " + r + " is not an array of numbers");
            }
            rows[r] = new float[row.size()];
            for (int c = 0; c < row.size(); c++) {
                if (!row.get(c).isNumber()) {
                    throw new InvalidInputException(context + ": row " + r + " column " + c + " is not a number");
                }
                rows[r][c] = (float) row.get(c).asDouble();
            }
        }
        return rows;
    }
}
