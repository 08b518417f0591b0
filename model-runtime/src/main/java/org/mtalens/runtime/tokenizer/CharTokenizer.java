package org.mtalens.runtime.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.mtalens.runtime.InvalidInputException;

/**
 * The official MTA toy-task tokenizer ({@code projects/mta/tokenizer.py}, {@code CharcterTokenizer}):
 * {@code a}–{@code z} are 0–25, {@code .} (block separator) 26, {@code #} (query separator) 27,
 * {@code _} 28, {@code <BOS>} 29, {@code <EOS>} 30 and {@code <|reserved_special_token_0|>} 31, the
 * vocabulary padded to a multiple of 8: 32 ids. Any other character (a space, an upper-case letter)
 * is refused, naming the character and its position, as the official code's assertion/lookup would.
 */
public final class CharTokenizer implements Tokenizer {
    public static final int BOS_ID = 29;
    public static final int EOS_ID = 30;
    public static final int VOCABULARY_SIZE = 32;
    private static final String ALPHABET_TAIL = ".#_";
    /** Each id's text and label, without span. */
    private static final Token[] BY_ID = buildTokens();

    @Override
    public String name() {
        return "char (toy-task alphabet a-z . # _, 32 ids)";
    }

    @Override
    public List<Token> encode(String text, BosToken bos) {
        List<Token> tokens = new ArrayList<>(text.length() + 1);
        if (bos == BosToken.ADD) {
            tokens.add(special(BOS_ID));
        }
        for (int position = 0; position < text.length(); position++) {
            char c = text.charAt(position);
            int id = idOf(c);
            if (id < 0) {
                throw new InvalidInputException("the char tokenizer has no token for " + describeChar(text, position)
                        + " at position " + position + " of the text; it knows only a-z . # _");
            }
            tokens.add(new Token(id, BY_ID[id].text(), BY_ID[id].label(), position, position + 1));
        }
        return List.copyOf(tokens);
    }

    @Override
    public List<Token> describe(int[] ids) {
        return TokenIdCheck.describe(ids, BY_ID, VOCABULARY_SIZE, "the char tokenizer");
    }

    @Override
    public String decode(int[] ids) {
        TokenIdCheck.requireInVocabulary(ids, VOCABULARY_SIZE, "the char tokenizer");
        StringBuilder text = new StringBuilder(ids.length);
        for (int id : ids) {
            text.append(textOf(id));
        }
        return text.toString();
    }

    @Override
    public int vocabularySize() {
        return VOCABULARY_SIZE;
    }

    @Override
    public OptionalInt bosId() {
        return OptionalInt.of(BOS_ID);
    }

    private static int idOf(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        int tail = ALPHABET_TAIL.indexOf(c);
        return tail < 0 ? -1 : 26 + tail;
    }

    /** The text the official {@code decode} gives for one id. */
    private static String textOf(int id) {
        if (id < 26) {
            return String.valueOf((char) ('a' + id));
        }
        return switch (id) {
            case 26, 27, 28 -> String.valueOf(ALPHABET_TAIL.charAt(id - 26));
            case BOS_ID -> "<BOS>";
            case EOS_ID -> "<EOS>";
            default -> "<|reserved_special_token_" + (id - 31) + "|>";
        };
    }

    private static Token special(int id) {
        return BY_ID[id];
    }

    private static Token[] buildTokens() {
        Token[] tokens = new Token[VOCABULARY_SIZE];
        for (int id = 0; id < VOCABULARY_SIZE; id++) {
            tokens[id] = Token.withoutSpan(id, textOf(id), TokenLabels.forText(textOf(id)));
        }
        return tokens;
    }

    private static String describeChar(String text, int position) {
        int cp = text.codePointAt(position);
        String shown = TokenLabels.forText(new String(Character.toChars(cp)));
        return "'" + shown + "' (U+" + String.format("%04X", cp) + ")";
    }
}
