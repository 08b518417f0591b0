package org.mtalens.samples;

import org.mtalens.runtime.InvalidInputException;

/**
 * The official toy-task {@code char} alphabet: a–z are 0–25, {@code .} 26, {@code #} 27, {@code _} 28,
 * BOS 29, EOS 30, and the vocabulary padded to 32. Kept here until the runtime's {@code char}
 * tokenizer exists; it is the one place in this module that knows the ids.
 */
public final class ToyAlphabet {
    public static final int BLOCK_SEPARATOR = 26;
    public static final int QUERY_SEPARATOR = 27;
    public static final int UNDERSCORE = 28;
    public static final int BOS = 29;
    public static final int EOS = 30;
    public static final int VOCAB_SIZE = 32;

    private ToyAlphabet() {
    }

    /** @return the id of one character of the alphabet */
    public static int id(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        return switch (c) {
            case '.' -> BLOCK_SEPARATOR;
            case '#' -> QUERY_SEPARATOR;
            case '_' -> UNDERSCORE;
            default -> throw new InvalidInputException("character '" + c + "' is not in the toy-task alphabet (a-z . # _)");
        };
    }

    /** @return the ids of every character of {@code text}, without BOS or EOS */
    public static int[] encode(String text) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id(text.charAt(i));
        }
        return ids;
    }

    /** @return the text of one id: a letter, {@code . # _}, {@code <s>} for BOS, {@code </s>} for EOS, else {@code <pad>} */
    public static String text(int id) {
        if (id >= 0 && id < 26) {
            return String.valueOf((char) ('a' + id));
        }
        return switch (id) {
            case BLOCK_SEPARATOR -> ".";
            case QUERY_SEPARATOR -> "#";
            case UNDERSCORE -> "_";
            case BOS -> "<s>";
            case EOS -> "</s>";
            default -> "<pad>";
        };
    }

    /** @return the concatenated text of {@code ids} */
    public static String decode(int[] ids) {
        StringBuilder text = new StringBuilder();
        for (int id : ids) {
            text.append(text(id));
        }
        return text.toString();
    }
}
