package org.mtalens.runtime.inspect;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code inspect --json} document: one object with {@code format}, {@code source}, {@code config},
 * {@code parameters}, {@code total_parameters}, {@code layers}, {@code kernels} and {@code warnings}.
 */
public final class InspectionJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(optionalSerializer()))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private InspectionJson() {
    }

    /** @return the inspection as pretty-printed JSON */
    public static String toJson(CheckpointInspection inspection) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", inspection.format().name().toLowerCase(Locale.ROOT));
        root.put("source", inspection.source().toString());
        root.put("config", inspection.config());
        root.put("parameters", inspection.parameters());
        root.put("total_parameters", inspection.totalParameters());
        root.put("layers", inspection.layers());
        root.put("kernels", inspection.kernels());
        root.put("warnings", inspection.warnings());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the inspection as JSON", e);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static JsonSerializer<Optional> optionalSerializer() {
        return new JsonSerializer<>() {
            @Override
            public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                provider.defaultSerializeValue(value.orElse(null), gen);
            }

            @Override
            public Class<Optional> handledType() {
                return Optional.class;
            }
        };
    }
}
