package org.mtalens.runtime.tokenizer;

import java.util.ArrayList;
import java.util.List;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.TokenPosition;

/**
 * Token ids typed by the user ({@code 3,17,5}, {@code 3 17 5} or a pasted {@code [3, 17, 5]}), usable
 * with any checkpoint, with or without a tokenizer.
 */
public final class RawTokenIds {
    private RawTokenIds() {
    }

    /**
     * Parses ids separated by commas and/or white space.
     *
     * @param vocabularySize the model's vocabulary; every id must be in {@code 0 .. vocabularySize-1}
     * @throws InvalidInputException naming the first bad token and its position (from 0): not a whole
     *     number, negative, or outside the vocabulary; or when there is no id at all
     */
    public static int[] parse(String input, int vocabularySize) {
        String body = input == null ? "" : input.strip();
        if (body.startsWith("[") && body.endsWith("]")) {
            body = body.substring(1, body.length() - 1).strip();
        }
        if (body.isEmpty()) {
            throw new InvalidInputException("no token ids: type whole numbers separated by commas, e.g. 3,17,5");
        }
        String[] parts = body.split("\\s*,\\s*|\\s+", -1);
        int[] ids = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            ids[k] = parseOne(parts[k], k, vocabularySize);
        }
        return ids;
    }

    /** Labels for ids when there is no tokenizer: each token's label is its id, e.g. {@code #17}. */
    public static List<Token> describe(int[] ids) {
        List<Token> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            tokens.add(Token.withoutSpan(id, "", "#" + id));
        }
        return List.copyOf(tokens);
    }

    private static int parseOne(String part, int position, int vocabularySize) {
        if (part.isEmpty()) {
            throw new InvalidInputException(TokenPosition.of(position) + " is empty (two commas in a row?)");
        }
        long value;
        try {
            value = Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(TokenPosition.of(position, "'" + shorten(part) + "'") + " is not a whole number");
        }
        if (value < 0) {
            throw new InvalidInputException(TokenPosition.of(position, value) + " is negative; ids start at 0");
        }
        if (value >= vocabularySize) {
            throw new InvalidInputException(TokenPosition.of(position, value) + " is outside the vocabulary (ids 0 to "
                    + (vocabularySize - 1) + ")");
        }
        return (int) value;
    }

    private static String shorten(String part) {
        return part.length() <= 20 ? part : part.substring(0, 20) + "...";
    }
}
