package org.mtalens.runtime.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mtalens.runtime.model.AttentionMap;

/** What a written page holds, read back as a browser would find it: its JSON script blocks, floats decoded. */
final class PageData {
    private static final Pattern BLOCK = Pattern.compile(
            "<script type=\"application/json\" (id=\"mta-header\"|class=\"mta-layer\")>(.*?)</script>", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    final String html;
    final JsonNode header;
    final List<JsonNode> layers = new ArrayList<>();

    private PageData(String html) throws IOException {
        this.html = html;
        JsonNode found = null;
        Matcher m = BLOCK.matcher(html);
        while (m.find()) {
            JsonNode json = JSON.readTree(m.group(2));
            if (m.group(1).startsWith("id")) {
                found = json;
            } else {
                layers.add(json);
            }
        }
        this.header = found;
    }

    static PageData read(Path page) throws IOException {
        return new PageData(Files.readString(page));
    }

    static PageData of(String html) throws IOException {
        return new PageData(html);
    }

    JsonNode layer(int layer) {
        return layers.stream().filter(l -> l.get("layer").asInt() == layer).findFirst()
                .orElseThrow(() -> new AssertionError("the page has no layer " + layer));
    }

    JsonNode map(int layer, String stage, int head) {
        for (JsonNode map : layer(layer).get("maps")) {
            if (map.get("stage").asText().equals(stage) && map.get("head").asInt() == head) {
                return map;
            }
        }
        throw new AssertionError("layer " + layer + " has no map " + stage + ", head " + head);
    }

    static float[] floats(JsonNode node) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(node.get("values").asText())).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    /** The pooling as the page promises it, computed here cell by cell: [cells, cells], blocks of {@code block} tokens. */
    static float[] largestMagnitudePerBlock(AttentionMap map, int block) {
        int t = map.tokens();
        int cells = (t + block - 1) / block;
        float[] out = new float[cells * cells];
        for (int q = 0; q < t; q++) {
            for (int k = 0; k < t; k++) {
                int cell = q / block * cells + k / block;
                if (Math.abs(map.value(q, k)) > Math.abs(out[cell])) {
                    out[cell] = map.value(q, k);
                }
            }
        }
        return out;
    }
}
