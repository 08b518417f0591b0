package org.mtalens.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.RegularFiles;

/**
 * Reads and validates a {@link ModelConfig}: the official {@code params.json} (model arguments under
 * {@code model}, tokenizer under {@code data.tokenizer}) or a {@code config.json} (model arguments at
 * the top level, tokenizer under {@code tokenizer}). Absent fields take the official defaults, unknown
 * fields are ignored, and every problem is an {@link InvalidInputException} naming the file and field.
 */
public final class ModelConfigReader {
    /** Longest sequence length accepted; anything larger is surely a broken file. */
    public static final int MAX_SEQLEN_LIMIT = 1 << 20;
    /**
     * Most layers accepted (the largest public models have about 130); more is surely a broken file, and
     * the per-layer stage plan and tensor list would take minutes for a billion.
     */
    public static final int MAX_LAYERS = 1 << 10;
    private static final long MAX_CONFIG_BYTES = 16L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;

    private ModelConfigReader(String source) {
        this.source = source;
    }

    /** Reads the official training config ({@code params.json}). */
    public static ModelConfig readParamsJson(Path file) {
        JsonNode root = readTree(file);
        ModelConfigReader reader = new ModelConfigReader(file.toString());
        JsonNode model = root.get("model");
        if (model == null || !model.isObject()) {
            throw new InvalidInputException(file + ": no 'model' object (the official params.json keeps the model arguments there)");
        }
        JsonNode tokenizer = root.path("data").path("tokenizer");
        String name = root.hasNonNull("name") && root.get("name").isTextual() ? root.get("name").asText() : null;
        return reader.parse(model, tokenizer.isObject() ? tokenizer : null, name);
    }

    /** Reads a {@code config.json} with the model arguments at the top level. */
    public static ModelConfig readConfigJson(Path file) {
        JsonNode root = readTree(file);
        ModelConfigReader reader = new ModelConfigReader(file.toString());
        JsonNode tokenizer = root.get("tokenizer");
        return reader.parse(root, tokenizer != null && tokenizer.isObject() ? tokenizer : null, null);
    }

    /** Parses model arguments from JSON text (a {@code config.json}); {@code source} names it in messages. */
    public static ModelConfig parseConfigJson(String json, String source) {
        ModelConfigReader reader = new ModelConfigReader(source);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(source + ": expected a JSON object");
        }
        JsonNode tokenizer = root.get("tokenizer");
        return reader.parse(root, tokenizer != null && tokenizer.isObject() ? tokenizer : null, null);
    }

    private static JsonNode readTree(Path file) {
        try {
            RegularFiles.require(file);
            long size = Files.size(file);
            if (size > MAX_CONFIG_BYTES) {
                throw new InvalidInputException(file + ": " + size + " bytes is too large for a config file");
            }
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw new InvalidInputException(file + ": expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private ModelConfig parse(JsonNode m, JsonNode tokenizerNode, String fallbackName) {
        int dim = positive(m, "dim", 512);
        int nLayers = positive(m, "n_layers", 8);
        if (nLayers > MAX_LAYERS) {
            throw invalid("n_layers", nLayers + " layers is beyond the supported " + MAX_LAYERS);
        }
        Integer headDimRaw = optionalPositive(m, "head_dim");
        Integer nHeadsRaw = optionalPositive(m, "n_heads");
        if (headDimRaw == null && nHeadsRaw == null) {
            throw invalid("n_heads", "set n_heads or head_dim (the official code needs at least one)");
        }
        int nHeads = nHeadsRaw != null ? nHeadsRaw : dim / headDimRaw;
        int headDim = headDimRaw != null ? headDimRaw : dim / nHeads;
        if (nHeads < 1 || headDim < 1) {
            throw invalid("n_heads", "dim " + dim + " leaves no heads");
        }
        if (dim % nHeads != 0) {
            throw invalid("n_heads", "dim " + dim + " is not divisible by n_heads " + nHeads);
        }
        if (headDim % 2 != 0) {
            throw invalid("head_dim", "must be even for rotary embeddings, got " + headDim);
        }
        Integer nKvRaw = optionalPositive(m, "n_kv_heads");
        int nKvHeads = nKvRaw != null ? nKvRaw : nHeads;
        if (nHeads % nKvHeads != 0) {
            throw invalid("n_kv_heads", "n_heads " + nHeads + " is not divisible by n_kv_heads " + nKvHeads);
        }
        int maxSeqlen = positive(m, "max_seqlen", 1024);
        if (maxSeqlen > MAX_SEQLEN_LIMIT) {
            throw invalid("max_seqlen", maxSeqlen + " is beyond the supported " + MAX_SEQLEN_LIMIT);
        }
        int vocabSize = integer(m, "vocab_size", -1);
        if (vocabSize < 1) {
            throw invalid("vocab_size", "must be positive, got " + vocabSize);
        }
        Double ffnMultiplier = optionalNumber(m, "ffn_dim_multiplier");
        if (ffnMultiplier != null && !(ffnMultiplier > 0)) {
            throw invalid("ffn_dim_multiplier", "must be positive, got " + ffnMultiplier);
        }
        MtaConfig mta = parseMta(m.get("mta"), nHeads, nLayers);
        String name = text(m, "name", fallbackName);
        TokenizerSpec tokenizer = tokenizerNode == null ? TokenizerSpec.unknown()
                : new TokenizerSpec(text(tokenizerNode, "name", null), text(tokenizerNode, "path", null));
        return new ModelConfig(name, dim, nLayers, headDim, nHeads, nKvHeads, ffnMultiplier,
                positive(m, "multiple_of", 256), positiveNumber(m, "norm_eps", 1e-5),
                positiveNumber(m, "rope_theta", 10000.0), maxSeqlen, vocabSize, bool(m, "weight_tying", false),
                optionalPositive(m, "sliding_window"), integerLong(m, "seed", 42), number(m, "dropout", 0.0),
                mta, tokenizer);
    }

    private MtaConfig parseMta(JsonNode node, int nHeads, int nLayers) {
        MtaConfig d = MtaConfig.defaults();
        if (node == null || node.isNull()) {
            return d;
        }
        if (!node.isObject()) {
            throw invalid("mta", "must be an object");
        }
        Integer q = optionalPositive(node, "query_kernel_size", d.queryKernelSize());
        Integer k = optionalPositive(node, "key_kernel_size", d.keyKernelSize());
        Integer aq = optionalPositive(node, "after_sm_query_kernel_size", d.afterSmQueryKernelSize());
        Integer ak = optionalPositive(node, "after_sm_key_kernel_size", d.afterSmKeyKernelSize());
        Integer headKernel = optionalPositive(node, "head_kernel_size", d.headKernelSize());
        PadKey padKey = padKey(node);
        boolean useMta = bool(node, "use_mta", d.useMta());
        if (useMta && padKey == PadKey.BOTH) {
            requireOddKey("mta.key_kernel_size", q, k);
            requireOddKey("mta.after_sm_key_kernel_size", aq, ak);
        }
        if (headKernel != null && nHeads % headKernel != 0) {
            throw invalid("mta.head_kernel_size", "n_heads " + nHeads + " is not divisible by head_kernel_size " + headKernel);
        }
        boolean postLinear = bool(node, "post_sm_linear_head", d.postSmLinearHead());
        if (useMta && postLinear && headKernel != null) {
            throw invalid("mta.post_sm_linear_head", "cannot be combined with head_kernel_size (the official code forbids it)");
        }
        return new MtaConfig(useMta, q, k, padKey, mtaLayers(node, nLayers), aq, ak,
                text(node, "init_method", d.initMethod()), headKernel,
                bool(node, "group_norm", d.groupNorm()), bool(node, "layer_norm_rescale", d.layerNormRescale()),
                bool(node, "curse_norm", d.curseNorm()), bool(node, "pre_sm_linear_head", d.preSmLinearHead()),
                postLinear, bool(node, "add_gating", d.addGating()), bool(node, "gate_1d", d.gate1d()));
    }

    private void requireOddKey(String field, Integer queries, Integer keys) {
        if (queries != null && keys != null && keys % 2 == 0) {
            throw invalid(field, "an even key kernel (" + keys + ") cannot be padded on both sides (pad_key: both)");
        }
    }

    private PadKey padKey(JsonNode node) {
        String value = text(node, "pad_key", "both");
        try {
            return PadKey.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("mta.pad_key", "must be both, left or right, got '" + value + "'");
        }
    }

    private Optional<List<Integer>> mtaLayers(JsonNode node, int nLayers) {
        JsonNode v = node.get("mta_layers");
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        List<Integer> layers = new ArrayList<>();
        if (v.isIntegralNumber()) {
            layers.add(v.asInt());
        } else if (v.isTextual()) {
            for (String part : v.asText().split(",")) {
                try {
                    layers.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw invalid("mta.mta_layers", "'" + v.asText() + "' is not a comma-separated list of layer numbers");
                }
            }
        } else {
            throw invalid("mta.mta_layers", "must be a string like \"2,6,10\"");
        }
        for (int layer : layers) {
            if (layer < 0 || layer >= nLayers) {
                throw invalid("mta.mta_layers", "layer " + layer + " is outside 0.." + (nLayers - 1));
            }
        }
        return Optional.of(List.copyOf(layers));
    }

    // ---- typed field access, each failure names the field ----

    private InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException(source + ": field '" + field + "': " + problem);
    }

    private int positive(JsonNode n, String field, int fallback) {
        int v = integer(n, field, fallback);
        if (v < 1) {
            throw invalid(field, "must be positive, got " + v);
        }
        return v;
    }

    private Integer optionalPositive(JsonNode n, String field) {
        return optionalPositive(n, field, null);
    }

    private Integer optionalPositive(JsonNode n, String field, Integer fallback) {
        JsonNode v = n.get(field);
        if (v == null) {
            return fallback;
        }
        if (v.isNull()) {
            return null;
        }
        int value = integer(n, field, 0);
        if (value < 1) {
            throw invalid(field, "must be positive, got " + value);
        }
        return value;
    }

    private int integer(JsonNode n, String field, int fallback) {
        long v = integerLong(n, field, fallback);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw invalid(field, v + " is out of range");
        }
        return (int) v;
    }

    private long integerLong(JsonNode n, String field, long fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw invalid(field, "must be an integer, got " + v);
        }
        if (!v.canConvertToLong()) {
            throw invalid(field, v + " is out of range");
        }
        return v.asLong();
    }

    private Double optionalNumber(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return number(n, field, 0);
    }

    private double number(JsonNode n, String field, double fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw invalid(field, "must be a finite number, got " + v);
        }
        return v.asDouble();
    }

    private double positiveNumber(JsonNode n, String field, double fallback) {
        double v = number(n, field, fallback);
        if (!(v > 0)) {
            throw invalid(field, "must be positive, got " + v);
        }
        return v;
    }

    private boolean bool(JsonNode n, String field, boolean fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw invalid(field, "must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    private String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw invalid(field, "must be a string, got " + v);
        }
        return v.asText();
    }
}
