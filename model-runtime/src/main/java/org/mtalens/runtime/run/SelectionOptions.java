package org.mtalens.runtime.run;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.CaptureSelection;

/** Parses the command line's {@code --layers}, {@code --stages} and {@code --heads} lists ("all" or comma-separated). */
public final class SelectionOptions {
    private SelectionOptions() {
    }

    static CaptureSelection parse(String layers, String stages, String heads) {
        return CaptureSelection.of(list("--layers", layers, SelectionOptions::number),
                list("--stages", stages, Stage::fromId), list("--heads", heads, SelectionOptions::number));
    }

    /** @return the layers {@code --layers} names, ascending: every layer of the model for "all" */
    public static List<Integer> layers(String text, int layerCount) {
        Set<Integer> chosen = list("--layers", text, SelectionOptions::number);
        return chosen == null ? IntStream.range(0, layerCount).boxed().toList() : chosen.stream().sorted().toList();
    }

    /** @return null for "all" */
    private static <T> Set<T> list(String option, String text, Function<String, T> parse) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("all")) {
            return null;
        }
        Set<T> values = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            try {
                values.add(parse.apply(part.trim()));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(option + ": " + e.getMessage());
            }
        }
        return values;
    }

    private static Integer number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("'" + text + "' is not a number");
        }
    }
}
