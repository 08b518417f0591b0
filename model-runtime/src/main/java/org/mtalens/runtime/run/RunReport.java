package org.mtalens.runtime.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.export.TraceExport;
import org.mtalens.runtime.model.Ablation;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.WeightEdit;
import org.mtalens.runtime.model.WeightEdits;
import org.mtalens.runtime.model.TokenPrediction;
import org.mtalens.runtime.tokenizer.TokenizerLookup;

/** What {@code mta-lens run} prints: as text for people, as one JSON object for scripts. */
record RunReport(Checkpoint checkpoint, ModelInput input, Trace result, int[] generated, int top, Path export,
                 List<TraceExport.Entry> exported, TokenizerLookup tokenizer, Ablation ablation, WeightEdits edits,
                 List<String> warnings) {
    String text() {
        StringBuilder s = new StringBuilder();
        s.append("checkpoint: ").append(checkpoint.displayName()).append(" (").append(checkpoint.format().description()).append(")\n");
        s.append("device:     ").append(result.device()).append(String.format("  (%.1f ms)%n", result.millis()));
        if (!ablation.isNone()) {
            s.append("ablated:    ").append(ablation).append('\n');
        }
        if (!edits.isNone()) {
            s.append("edited:     ").append(String.join(", ", editedNames())).append('\n');
        }
        s.append("tokens:     ").append(result.length()).append("  ").append(String.join(" ", input.labels())).append('\n');
        s.append("next token after position ").append(result.length() - 1).append(":\n");
        for (TokenPrediction p : result.topPredictions(result.length() - 1, top)) {
            s.append(String.format("  %6d  %-12s p=%.4f  logit=%.4f%n", p.token(), label(p.token()), p.probability(), p.logit()));
        }
        if (generated != null) {
            s.append("generated:  ").append(Arrays.toString(newTokens()));
            generatedText().ifPresent(text -> s.append("  \"").append(text).append('"'));
            s.append('\n');
        }
        s.append("tokenizer:  ").append(tokenizer.message()).append('\n');
        if (export != null) {
            s.append("exported:   ").append(export).append("  (");
            s.append(String.join(", ", exported.stream().map(RunReport::describe).toList())).append(")\n");
        }
        for (String warning : warnings) {
            s.append("warning:    ").append(warning).append('\n');
        }
        return s.toString().stripTrailing();
    }

    private List<String> editedNames() {
        return edits.list().stream().map(WeightEdit::name).toList();
    }

    String json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkpoint", checkpoint.source().toString());
        json.put("format", checkpoint.format().name().toLowerCase(java.util.Locale.ROOT));
        json.put("device", result.device());
        json.put("millis", result.millis());
        json.put("ablation", ablation.toString());
        json.put("edits", editedNames());
        json.put("tokens", result.tokens());
        json.put("labels", input.labels());
        List<Map<String, Object>> predictions = new ArrayList<>();
        for (TokenPrediction p : result.topPredictions(result.length() - 1, top)) {
            predictions.add(Map.of("token", p.token(), "probability", p.probability(), "logit", p.logit()));
        }
        json.put("top_predictions", predictions);
        if (generated != null) {
            json.put("generated", newTokens());
            generatedText().ifPresent(text -> json.put("generated_text", text));
        }
        json.put("tokenizer", tokenizer.message());
        if (export != null) {
            json.put("export", export.toString());
            json.put("arrays", exported.stream().map(a -> Map.of("name", a.name(), "shape", a.shape())).toList());
        }
        json.put("warnings", warnings);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int[] newTokens() {
        return Arrays.copyOfRange(generated, result.length(), generated.length);
    }

    private java.util.Optional<String> generatedText() {
        return tokenizer.tokenizer().map(t -> t.decode(newTokens()));
    }

    private String label(int token) {
        return tokenizer.tokenizer().filter(t -> token < t.vocabularySize())
                .map(t -> t.describe(new int[] {token}).get(0).label()).orElse("");
    }

    private static String describe(TraceExport.Entry array) {
        return array.name() + Arrays.toString(array.shape());
    }
}
