package org.mtalens.runtime.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * lingua's {@code ByteTokenizer}: the UTF-8 bytes of the text are the ids 0–255, BOS is 256, EOS 257;
 * 258 ids. A byte of a multi-byte character is labelled {@code ‹e2›} and spans the whole character.
 */
public final class ByteTokenizer implements Tokenizer {
    public static final int BOS_ID = 256;
    public static final int EOS_ID = 257;
    public static final int VOCABULARY_SIZE = 258;
    /** Each id's text and label, without span. */
    private static final Token[] BY_ID = buildTokens();

    @Override
    public String name() {
        return "bytes (UTF-8 bytes, 258 ids)";
    }

    @Override
    public List<Token> encode(String text, BosToken bos) {
        Utf8Layout layout = new Utf8Layout(text);
        byte[] bytes = layout.bytes();
        List<Token> tokens = new ArrayList<>(bytes.length + 1);
        if (bos == BosToken.ADD) {
            tokens.add(BY_ID[BOS_ID]);
        }
        for (int i = 0; i < bytes.length; i++) {
            int[] span = layout.span(i, 1);
            Token token = BY_ID[bytes[i] & 0xFF];
            tokens.add(new Token(token.id(), token.text(), token.label(), span[0], span[1]));
        }
        return List.copyOf(tokens);
    }

    @Override
    public List<Token> describe(int[] ids) {
        return TokenIdCheck.describe(ids, BY_ID, VOCABULARY_SIZE, "the bytes tokenizer");
    }

    /** As lingua: BOS/EOS are dropped, bytes that are not whole characters come out as {@code \xe2}. */
    @Override
    public String decode(int[] ids) {
        TokenIdCheck.requireInVocabulary(ids, VOCABULARY_SIZE, "the bytes tokenizer");
        byte[] kept = new byte[ids.length];
        int n = 0;
        for (int id : ids) {
            if (id < 256) {
                kept[n++] = (byte) id;
            }
        }
        byte[] bytes = Arrays.copyOf(kept, n);
        StringBuilder text = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            int length = Utf8.validSequenceLength(bytes, i);
            if (length == 0) {
                text.append(String.format("\\x%02x", bytes[i] & 0xFF));
                i++;
            } else {
                text.appendCodePoint(Utf8.codePointAt(bytes, i, length));
                i += length;
            }
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

    private static Token[] buildTokens() {
        Token[] tokens = new Token[VOCABULARY_SIZE];
        for (int value = 0; value < 256; value++) {
            String text = value < 0x80 ? String.valueOf((char) value) : "\uFFFD";
            tokens[value] = Token.withoutSpan(value, text, value < 0x80 ? TokenLabels.forText(text) : TokenLabels.forByte(value));
        }
        tokens[BOS_ID] = Token.withoutSpan(BOS_ID, "<BOS>", "<BOS>");
        tokens[EOS_ID] = Token.withoutSpan(EOS_ID, "<EOS>", "<EOS>");
        return tokens;
    }
}
