package org.mtalens.runtime.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.MtaLensVersion;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;

/**
 * The page's data as JSON that is safe inside {@code <script type="application/json">}: float arrays as base64
 * of little-endian float32, and every {@code <} escaped so no label can close the script element.
 */
final class PageJson {
    /** Tells a reader which layout the data has. */
    static final String FORMAT = "mta-lens-page/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PageJson() {
    }

    static String header(PageHeader header) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("mtaLens", MtaLensVersion.current());
        json.put("checkpoint", header.checkpoint());
        json.put("source", header.source());
        json.put("device", header.device());
        json.put("tokenIds", header.tokenIds());
        json.put("tokens", header.tokenLabels());
        json.put("heads", header.heads());
        json.put("maxCells", header.maxCells());
        json.put("layers", header.layers().stream().map(PageJson::layerPlan).toList());
        return safe(json);
    }

    static String layer(int layer, List<PooledMap> maps, List<PageMatrix> matrices) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("layer", layer);
        json.put("maps", maps.stream().map(PageJson::map).toList());
        json.put("matrices", matrices.stream().map(PageJson::matrix).toList());
        return safe(json);
    }

    /** @return the floats as base64 of their little-endian float32 bytes */
    static String base64(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static Map<String, Object> layerPlan(LayerPlan plan) {
        return Map.of("layer", plan.layer(), "stages", plan.stages().stream().map(Stage::id).toList());
    }

    private static Map<String, Object> map(PooledMap map) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stage", map.stage().id());
        json.put("head", map.head());
        json.put("factor", map.factor());
        json.put("size", map.size());
        json.put("values", base64(map.values()));
        return json;
    }

    private static Map<String, Object> matrix(PageMatrix matrix) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stage", matrix.stage());
        json.put("title", matrix.title());
        json.put("head", matrix.head());
        json.put("rowAxis", matrix.rowAxis());
        json.put("columnAxis", matrix.columnAxis());
        json.put("rows", matrix.rowLabels());
        json.put("columns", matrix.columnLabels());
        json.put("marked", matrix.marked());
        json.put("values", base64(matrix.values()));
        return json;
    }

    private static String safe(Map<String, Object> json) {
        try {
            // '<' only occurs inside JSON strings, where \u003c means the same.
            return JSON.writeValueAsString(json).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the page data cannot be written as JSON", e);
        }
    }
}
