package org.mtalens.runtime.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.ModelConfig;

/**
 * Weights replaced for a pass: an overlay over the checkpoint's weights, which are never modified (the pass reads
 * the edited kernels instead of the stored ones). At most one edit per name; a later edit of the same name
 * replaces the earlier. Parsed from {@code --set NAME=[[...],...]} and {@code --set-file edits.json}
 * ({@link WeightEditParser}); written as the same JSON object ({@link #json()}).
 *
 * @param edits by name, in layer, part, head/group order
 */
public record WeightEdits(Map<String, WeightEdit> edits) {
    private static final Comparator<WeightEdit> ORDER = Comparator.comparingInt(WeightEdit::layer)
            .thenComparing(WeightEdit::part).thenComparingInt(WeightEdit::index);
    private static final WeightEdits NONE = new WeightEdits(Map.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    public WeightEdits {
        edits = edits.values().stream().sorted(ORDER).collect(Collectors.toMap(WeightEdit::name, e -> e,
                (a, b) -> b, LinkedHashMap::new));
        edits = java.util.Collections.unmodifiableMap(edits);
    }

    /** @return no edits: the checkpoint's own weights */
    public static WeightEdits none() {
        return NONE;
    }

    /** @return these edits, in layer, part, head/group order */
    public static WeightEdits of(Collection<WeightEdit> edits) {
        Map<String, WeightEdit> byName = new LinkedHashMap<>();
        edits.forEach(e -> byName.put(e.name(), e));
        return new WeightEdits(byName);
    }

    /** @return whether nothing is edited */
    public boolean isNone() {
        return edits.isEmpty();
    }

    /** @return the edits in layer, part, head/group order */
    public List<WeightEdit> list() {
        return List.copyOf(edits.values());
    }

    /** @return the edit named {@code name} */
    public Optional<WeightEdit> find(String name) {
        return Optional.ofNullable(edits.get(name));
    }

    /** @return these edits with {@code edit} added (replacing one of the same name) */
    public WeightEdits with(WeightEdit edit) {
        Map<String, WeightEdit> next = new LinkedHashMap<>(edits);
        next.put(edit.name(), edit);
        return new WeightEdits(next);
    }

    /** @return these edits without the one named {@code name} */
    public WeightEdits without(String name) {
        Map<String, WeightEdit> next = new LinkedHashMap<>(edits);
        next.remove(name);
        return new WeightEdits(next);
    }

    /** @return these edits followed by {@code later} (a later edit of a name wins) */
    public WeightEdits and(WeightEdits later) {
        Map<String, WeightEdit> next = new LinkedHashMap<>(edits);
        next.putAll(later.edits);
        return new WeightEdits(next);
    }

    /** @return the first layer an edit changes, or empty for none: the layers before it run as intact */
    public OptionalInt firstLayer() {
        return edits.values().stream().mapToInt(WeightEdit::layer).min();
    }

    /** @return the edits grouped by the checkpoint tensor they replace slices of */
    Map<String, List<WeightEdit>> byTensor() {
        return edits.values().stream().collect(Collectors.groupingBy(WeightEdit::tensorKey, TreeMap::new,
                Collectors.toList()));
    }

    /**
     * Checks every edit against the model.
     *
     * @throws InvalidInputException naming the first bad edit: layer, part, head or group, shape, a non-finite value
     */
    public void validateFor(ModelConfig config) {
        for (WeightEdit edit : edits.values()) {
            String problem = edit.problem(config);
            if (problem != null) {
                throw new InvalidInputException("weight edit '" + edit.name() + "': " + problem);
            }
        }
    }

    /** @return the edits as one JSON object, name -> [rows][columns] (the {@code --set-file} format) */
    public String json() {
        ObjectNode root = JSON.createObjectNode();
        for (WeightEdit edit : edits.values()) {
            ArrayNode rows = root.putArray(edit.name());
            for (float[] row : edit.values()) {
                ArrayNode values = rows.addArray();
                for (float v : row) {
                    values.add(v);
                }
            }
        }
        return root.toString();
    }

    /** @return the edits as {@code --set} items, separated by spaces (empty for none) */
    @Override
    public String toString() {
        return edits.values().stream().map(WeightEdit::toString).collect(Collectors.joining(" "));
    }
}
